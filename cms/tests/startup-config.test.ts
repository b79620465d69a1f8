import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootStrapi } from './helpers/strapi';
import { createTestDatabase, dropTestDatabase } from './helpers/database';

const repoConfig = path.resolve(__dirname, '..', '..', 'config');

/** A copy of the repo's config folder with one file rewritten. */
function configWith(file: string, edit: (text: string) => string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticketing-config-'));
  fs.cpSync(repoConfig, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  const after = edit(before);
  // an edit that no longer matches the file would test the unbroken config
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  fs.writeFileSync(target, after);
  return dir;
}

describe('config files checked at start-up', () => {
  let db: { name: string; url: string };
  const saved = process.env.TICKETING_CONFIG_DIR;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.TICKETING_CONFIG_DIR;
    else process.env.TICKETING_CONFIG_DIR = saved;
    await dropTestDatabase(db.name);
  });

  it.each([
    [
      'a seed type with a type error',
      configWith('ticket-types/fiber.yaml', () =>
        ['key: fiber', 'name: { zh-CN: 光缆, en: Fiber }', 'fields:', '  - { key: length, type: number, label: { zh-CN: 长, en: L }, rules: { maximum: high } }'].join('\n'),
      ),
      /fiber\.yaml: field "length" rules\.maximum must be number/,
    ],
    [
      'a role with an unknown right',
      configWith('roles.yaml', (t) => t.replace(/(\n {2}viewer:\n(?: {4}.*\n)*? {4}rights: )\[[^\]]*\]/, '$1[account, tickets.fly]')),
      /roles\.yaml: \/roles\/viewer has an unknown right tickets\.fly/,
    ],
    [
      'a right naming an action Strapi does not have',
      configWith('roles.yaml', (t) => t.replace('- plugin::ticketing.tickets.update', '- plugin::ticketing.tickets.teleport')),
      /\/rights\/tickets\.update names an unknown action plugin::ticketing\.tickets\.teleport/,
    ],
    [
      'a move the state machine lacks',
      configWith('roles.yaml', (t) => t.replace('{ from: resolved, to: closed', '{ from: draft, to: closed')),
      /\/transitions\/5 draft -> closed is not a move/,
    ],
    ['a roles file that is not YAML', configWith('roles.yaml', () => 'roles: ['), /roles\.yaml/],
  ])('refuses to start on %s, naming the file and the entry', async (_name, dir, message) => {
    process.env.TICKETING_CONFIG_DIR = dir;
    await expect(bootStrapi(db.url)).rejects.toThrow(message);
  });
});
