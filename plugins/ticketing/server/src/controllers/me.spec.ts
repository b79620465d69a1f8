import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readAccessConfig, type AccessConfig } from '../rbac/roles-file';
import meController, { rightsOfRole } from './me';

const rolesFile = path.resolve(__dirname, '../../../../../config/roles.yaml');

/** The repo's roles file, read with every action it names taken as known. */
function repoAccess(): AccessConfig {
  const doc = YAML.parse(fs.readFileSync(rolesFile, 'utf8')) as { rights: Record<string, string[]>; public: string[] };
  const known = new Set([...Object.values(doc.rights).flat(), ...doc.public]);
  return readAccessConfig(rolesFile, known);
}

/** Runs GET /me against `state` with a fake Strapi whose access service holds `config`. */
async function callMe(config: AccessConfig, state: Record<string, unknown>) {
  const strapi = { plugin: () => ({ service: () => ({ config: () => config }) }) };
  const ctx = { state, body: undefined as unknown };
  await meController({ strapi: strapi as never }).find(ctx as never);
  return (ctx.body as { data: Record<string, unknown> }).data;
}

describe('GET /api/ticketing/me', () => {
  const access = repoAccess();

  it("lists a role's rights in the order the file declares them", () => {
    const config: AccessConfig = {
      rights: { account: [], 'tickets.read': [], 'tickets.update': [], 'images.read': [] },
      roles: { clerk: { name: 'Clerk', rights: ['images.read', 'account', 'tickets.read'] } },
      public: [],
      transitions: [],
    };
    expect(rightsOfRole(config, 'clerk')).toEqual(['account', 'tickets.read', 'images.read']);
  });

  it('gives the roles of config/roles.yaml their rights: viewers read, handlers work, publishers own', () => {
    const viewer = rightsOfRole(access, 'viewer');
    expect(viewer).toEqual(expect.arrayContaining(['account', 'tickets.read', 'images.read']));
    for (const write of ['tickets.update', 'tickets.transition', 'tickets.create', 'tickets.delete', 'images.write']) {
      expect(viewer).not.toContain(write);
    }
    expect(rightsOfRole(access, 'handler')).toEqual(
      expect.arrayContaining(['tickets.update', 'tickets.transition', 'images.read']),
    );
    expect(rightsOfRole(access, 'handler')).not.toContain('images.write');
    expect(rightsOfRole(access, 'handler')).not.toContain('tickets.delete');
    expect(rightsOfRole(access, 'publisher')).toEqual(expect.arrayContaining(['tickets.create', 'tickets.delete', 'images.write']));
    expect(rightsOfRole(access, 'admin')).toContain('users.manage');
    expect(rightsOfRole(access, 'authenticated')).toEqual([]);
    expect(rightsOfRole(access, null)).toEqual([]);
  });

  it('is opened by the account right that every role holds', () => {
    expect(access.rights.account).toContain('plugin::ticketing.me.find');
    for (const role of Object.keys(access.roles)) expect(rightsOfRole(access, role)).toContain('account');
  });

  it('answers a user with its id, name, role and rights', async () => {
    const data = await callMe(access, { user: { id: 7, username: 'wang', email: 'wang@example.test', role: { type: 'handler' } } });
    expect(data).toEqual({
      kind: 'user',
      id: 7,
      username: 'wang',
      email: 'wang@example.test',
      role: 'handler',
      rights: rightsOfRole(access, 'handler'),
    });
  });

  it('answers an API token with the role it acts as', async () => {
    const data = await callMe(access, {
      user: { id: 3 },
      auth: { strategy: { name: 'content-api-token' }, credentials: { id: 3, name: 'etl', type: 'read-only' } },
    });
    expect(data).toMatchObject({ kind: 'api-token', id: '3', username: 'etl', email: null, role: 'viewer' });
    expect(data.rights).toEqual(rightsOfRole(access, 'viewer'));
  });
});
