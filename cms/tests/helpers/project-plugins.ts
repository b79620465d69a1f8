import fs from 'node:fs';
import path from 'node:path';

/** The Strapi names of the project's plugins (plugins/*). */
export function projectPlugins(): string[] {
  const dir = path.resolve(__dirname, '..', '..', '..', 'plugins');
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'package.json')))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')).strapi.name as string);
}
