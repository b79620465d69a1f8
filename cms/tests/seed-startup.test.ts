import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootStrapi } from './helpers/strapi';
import { createTestDatabase, dropTestDatabase } from './helpers/database';

describe('seed types at start-up', () => {
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

  it('refuses to start on a seed file with a type error, naming the file and the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticketing-config-'));
    fs.mkdirSync(path.join(dir, 'ticket-types'));
    fs.writeFileSync(
      path.join(dir, 'ticket-types', 'fiber.yaml'),
      ['key: fiber', 'name: { zh-CN: 光缆, en: Fiber }', 'fields:', '  - { key: length, type: number, label: { zh-CN: 长, en: L }, rules: { maximum: high } }'].join('\n'),
    );
    process.env.TICKETING_CONFIG_DIR = dir;
    await expect(bootStrapi(db.url)).rejects.toThrow(/fiber\.yaml: field "length" rules\.maximum must be number/);
  });
});
