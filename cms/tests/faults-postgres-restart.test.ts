import { bootStrapi, shutdownStrapi } from './helpers/strapi';
import { startStrapiProcess } from './helpers/strapi-process';
import { startOwnPostgres } from './helpers/own-postgres';
import { createAccount } from './helpers/accounts';
import { waitFor } from './helpers/jobs';
import { bsFaultForm } from './helpers/tickets';
import { deleteRedisKeys } from './helpers/redis';

/** What a client saw: status, Retry-After and the body (JSON or not). */
interface Answer {
  status: number;
  retryAfter: string | null;
  json: boolean;
  body: { data?: unknown; error?: { status: number; name: string; message: string } } | null;
}

describe('PostgreSQL restarted while the CMS serves requests', () => {
  let pg: Awaited<ReturnType<typeof startOwnPostgres>>;
  let cms: Awaited<ReturnType<typeof startStrapiProcess>>;
  let account: { identifier: string; password: string };
  let jwt: string;

  const call = async (method: string, path: string, body?: unknown, token = jwt): Promise<Answer> => {
    const res = await fetch(`${cms.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: Answer['body'] = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: `json` says so
    }
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json: parsed !== null, body: parsed };
  };
  const list = () => call('GET', '/api/ticketing/tickets?type=bs-fault&pageSize=5');
  const create = (site: string) => call('POST', '/api/ticketing/tickets', { data: { type: 'bs-fault', form: bsFaultForm({ site_name: site }) } });
  const login = () => call('POST', '/api/auth/local', { identifier: account.identifier, password: account.password }, '');

  beforeAll(async () => {
    pg = await startOwnPostgres();
    // the schema, the roles and a publisher, written by an in-process CMS that then stops
    const setup = await bootStrapi(pg.url);
    const role = await setup.db.query('plugin::users-permissions.role').findOne({ where: { type: 'publisher' } });
    account = await createAccount(setup, role.id);
    await shutdownStrapi(setup);
    // the per-address limit of auth requests is not under test: the clients below send many logins
    cms = await startStrapiProcess(pg.url, { WORKERS: 'off', AUTH_IP_MAX_REQUESTS: '100000' });
    const first = await login();
    if (first.status !== 200) throw new Error(`login: ${first.status}\n${cms.output()}`);
    jwt = (first.body as unknown as { jwt: string }).jwt;
  });
  afterAll(async () => {
    await cms?.stop();
    await pg?.destroy();
    await deleteRedisKeys(process.env.REDIS_PREFIX as string);
  });

  it('answers 503 with Retry-After while it is down and as before once it is back, the CMS never restarted', async () => {
    expect((await list()).status).toBe(200);

    // clients keep calling through the whole restart: reads, writes and logins (more failed
    // ones than the account's limit of failed logins: a login the database could not check is no failure)
    const answers: Answer[] = [];
    const created: string[] = [];
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const site = `restart-${n}-${i}`;
        // a connection cut or never answered counts as status 0: the check below fails on it
        const answer = await [list, () => create(site), login][i % 3]().catch((): Answer => ({ status: 0, retryAfter: null, json: false, body: null }));
        answers.push(answer);
        if (answer.status === 201) created.push(site);
        // paced, so answers refused at once while the database is down do not flood the machine
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const clients = Promise.all([0, 1, 2].map(client));
    let afterStart: number;
    try {
      await waitFor('answers before the stop', async () => answers.length >= 6, 20_000);

      await pg.stop();
      const down = await list();
      expect(down).toMatchObject({ status: 503, retryAfter: '5', json: true });
      expect(down.body?.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly' });
      expect((await create('while-down')).status).toBe(503);
      expect(await login()).toMatchObject({ status: 503, retryAfter: '5', json: true });
      const ready = await fetch(`${cms.url}/_ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { database: expect.not.stringMatching(/^ok$/), redis: 'ok' } });
      expect((await fetch(`${cms.url}/_health`)).status).toBe(200);
      const whileDown = answers.length;
      await waitFor('clients to be answered while the database is down', async () => answers.length >= whileDown + 6, 20_000);

      await pg.start();
      await waitFor('the CMS to answer from the database again', async () => (await list()).status === 200, 30_000, 200);
      afterStart = answers.length;
      await waitFor('clients to be answered after the restart', async () => answers.length >= afterStart + 9, 20_000);
    } finally {
      running = false;
      await clients;
    }

    // no answer was anything but a success or a clean, JSON 503 that says when to retry
    const unexpected = answers.filter((a) => ![200, 201, 503].includes(a.status) || !a.json || (a.status === 503 && a.retryAfter !== '5'));
    if (unexpected.length) console.log(cms.output().split('\n').filter((l) => l.includes('"error"')).join('\n'));
    expect(unexpected).toEqual([]);
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    // every answer after the restart was a success
    expect(answers.slice(afterStart).every((a) => a.status === 200 || a.status === 201)).toBe(true);

    // each ticket a client was told was created is there once; none it was refused is
    const { Client } = await import('pg');
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const rows = await db.query<{ site: string }>("SELECT form_data->>'site_name' AS site FROM ticketing_tickets WHERE form_data->>'site_name' LIKE 'restart-%' OR form_data->>'site_name' = 'while-down'");
    await db.end();
    expect(rows.rows.map((r) => r.site).sort()).toEqual([...created].sort());

    expect(await create('after-restart')).toMatchObject({ status: 201 });
    expect((await fetch(`${cms.url}/_ready`)).status).toBe(200);
  });
});
