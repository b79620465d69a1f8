import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { rightsOfRole } from './access-rules';
import { readAccessConfig, type AccessConfig } from './roles-file';

const rolesFile = path.resolve(__dirname, '../../../../../config/roles.yaml');

/** The repo's roles file, read with every action it names taken as known. */
function repoAccess(): AccessConfig {
  const doc = YAML.parse(fs.readFileSync(rolesFile, 'utf8')) as { rights: Record<string, string[]>; public: string[] };
  const known = new Set([...Object.values(doc.rights).flat(), ...doc.public]);
  return readAccessConfig(rolesFile, known);
}

describe('config/roles.yaml', () => {
  const access = repoAccess();

  it("lists a role's rights in the order the file declares them", () => {
    const config: AccessConfig = {
      rights: { account: [], 'tickets.read': [], 'tickets.update': [], 'images.read': [] },
      roles: { clerk: { name: 'Clerk', rights: ['images.read', 'account', 'tickets.read'] } },
      public: [],
      sections: {},
    };
    expect(rightsOfRole(config, 'clerk')).toEqual(['account', 'tickets.read', 'images.read']);
  });

  it('gives the roles their rights: viewers read, handlers work, publishers own', () => {
    const viewer = rightsOfRole(access, 'viewer');
    expect(viewer).toEqual(expect.arrayContaining(['account', 'tickets.read', 'images.read']));
    for (const write of ['tickets.update', 'tickets.transition', 'tickets.create', 'tickets.delete', 'images.add', 'images.write']) {
      expect(viewer).not.toContain(write);
    }
    expect(rightsOfRole(access, 'handler')).toEqual(expect.arrayContaining(['tickets.update', 'tickets.transition', 'images.read', 'images.add']));
    expect(rightsOfRole(access, 'handler')).not.toContain('images.write');
    expect(rightsOfRole(access, 'handler')).not.toContain('tickets.delete');
    expect(rightsOfRole(access, 'publisher')).toEqual(expect.arrayContaining(['tickets.create', 'tickets.delete', 'images.write']));
    expect(rightsOfRole(access, 'admin')).toContain('users.manage');
    expect(rightsOfRole(access, 'authenticated')).toEqual([]);
    expect(rightsOfRole(access, null)).toEqual([]);
  });

  it('opens GET /me with the account right that every role holds', () => {
    expect(access.rights.account).toContain('plugin::ticketing.me.find');
    for (const role of Object.keys(access.roles)) expect(rightsOfRole(access, role)).toContain('account');
  });

  it('keeps the sections other plugins own for them, and hands each to its reader', () => {
    expect(access.sections.transitions).toEqual(expect.arrayContaining([{ from: 'draft', to: 'submitted', roles: ['publisher', 'admin'] }]));
    const doc = YAML.parse(fs.readFileSync(rolesFile, 'utf8')) as { rights: Record<string, string[]>; public: string[] };
    const known = new Set([...Object.values(doc.rights).flat(), ...doc.public]);
    const read = readAccessConfig(rolesFile, known, {
      transitions: (value, { roles, fail }) => {
        if (!roles.has('publisher')) fail('/transitions', 'misses publisher');
        return (value as unknown[]).length;
      },
    });
    expect(read.sections.transitions).toBe(8);
    expect(() => readAccessConfig(rolesFile, known, { transitions: (_v, { fail }) => fail('/transitions/0', 'is wrong') })).toThrow(
      `${rolesFile}: /transitions/0 is wrong`,
    );
  });

  it('names the file and the entry of an unknown action or right', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roles-'));
    const file = path.join(dir, 'roles.yaml');
    fs.writeFileSync(file, 'rights: { a: [plugin::x.y.z] }\nroles: { r: { name: R, rights: [b] } }\npublic: []\n');
    expect(() => readAccessConfig(file, new Set())).toThrow(`${file}: /rights/a names an unknown action plugin::x.y.z`);
    expect(() => readAccessConfig(file, new Set(['plugin::x.y.z']))).toThrow(`${file}: /roles/r has an unknown right b`);
  });
});
