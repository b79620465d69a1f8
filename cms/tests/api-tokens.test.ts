import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startTestApp } from './helpers/strapi';

/** The curl commands of the README's API-token section, one per line. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const block = /<!-- api-token-examples[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no api-token-examples block');
  return block[1].split('\n').filter((line) => line.startsWith('curl '));
}

describe('API tokens, as the README shows them', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let base: string;
  const token = async (type: string) =>
    (await app.strapi.service('admin::api-token').create({ name: `${type}-token`, description: 'test', type, lifespan: null })).accessKey as string;

  beforeAll(async () => {
    app = await startTestApp();
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => app.strapi.server.httpServer.close(resolve));
    await app?.stop();
  });

  it('reads with a read-only token and creates with a full-access one', async () => {
    const env = { ...process.env, BASE: base, READ_TOKEN: await token('read-only'), FULL_TOKEN: await token('full-access'), TICKET_ID: '' };
    const [list, get, create] = readmeCommands();
    // asynchronous: the server answering curl runs in this very process
    const run = async (command: string, extra: Record<string, string> = {}) =>
      JSON.parse((await promisify(execFile)('bash', ['-c', command], { env: { ...env, ...extra }, timeout: 20000 })).stdout);

    const created = await run(create);
    expect(created.data).toMatchObject({ type: 'bs-fault', status: 'draft', form: { pci: 387, severity: 'critical', occurred_at: '2026-11-30T08:15:00+08:00' } });
    const listed = await run(list);
    expect(listed.meta.pagination.total).toBe(1);
    expect(listed.data[0].documentId).toBe(created.data.documentId);
    const read = await run(get, { TICKET_ID: created.data.documentId });
    expect(read.data.form.site_name).toBe('浦东张江基站01');

    // and the read-only token may not write
    const denied = await run(create.replace('$FULL_TOKEN', '$READ_TOKEN'));
    expect(denied.error.status).toBe(403);
  });
});
