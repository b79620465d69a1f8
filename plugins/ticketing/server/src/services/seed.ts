import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { Core } from '@strapi/strapi';
import YAML from 'yaml';
import { TICKET_TYPE_UID } from '../constants';
import type { TicketingConfig } from '../config';
import type { FieldDefinition } from '../field-types';
import { getService } from '../utils/get-service';

/** A seed ticket type as written in `config/ticket-types/*.yaml`. */
export interface SeedTicketType {
  key: string;
  name: { 'zh-CN': string; en: string };
  description?: string;
  active?: boolean;
  fields: FieldDefinition[];
}

const seedShape = new Ajv({ allErrors: true }).compile<SeedTicketType>({
  type: 'object',
  required: ['key', 'name', 'fields'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
    name: {
      type: 'object',
      required: ['zh-CN', 'en'],
      additionalProperties: false,
      properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
    },
    description: { type: 'string' },
    active: { type: 'boolean' },
    fields: { type: 'array' },
  },
});

/** Reads and checks one seed file; the error names the file and the offending field. */
export function readSeedFile(file: string, validateFields: (f: unknown) => { field: string; path: string; message: string }[]): SeedTicketType {
  const where = path.basename(file);
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (error) {
    throw new Error(`Ticket type seed ${where}: not valid YAML: ${(error as Error).message}`);
  }
  if (!seedShape(doc)) {
    const e = seedShape.errors![0];
    throw new Error(`Ticket type seed ${where}: ${e.instancePath || '(top level)'} ${e.message}`);
  }
  const issues = validateFields(doc.fields);
  if (issues.length) {
    const list = issues.map((i) => `field "${i.field}"${i.path ? ` ${i.path}` : ''} ${i.message}`).join('; ');
    throw new Error(`Ticket type seed ${where}: ${list}`);
  }
  return doc;
}

/**
 * Creates the seed ticket types that do not exist yet. A type that exists is left
 * as it is, so an admin's edits survive restarts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  readAll(): SeedTicketType[] {
    const { configDir } = strapi.config.get('plugin::ticketing') as TicketingConfig;
    const dir = path.join(configDir, 'ticket-types');
    if (!fs.existsSync(dir)) throw new Error(`Ticket type seed folder ${dir} does not exist`);
    const validate = getService(strapi, 'field-types').validateFields;
    return fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => readSeedFile(path.join(dir, f), validate));
  },

  async run(): Promise<{ created: string[]; kept: string[] }> {
    const result = { created: [] as string[], kept: [] as string[] };
    for (const seed of this.readAll()) {
      const existing = await strapi.db.query(TICKET_TYPE_UID).count({ where: { key: seed.key } });
      if (existing) {
        result.kept.push(seed.key);
        continue;
      }
      await strapi.documents(TICKET_TYPE_UID).create({
        data: {
          key: seed.key,
          nameZh: seed.name['zh-CN'],
          nameEn: seed.name.en,
          description: seed.description ?? null,
          active: seed.active ?? true,
          fields: seed.fields,
        } as never,
      });
      result.created.push(seed.key);
    }
    return result;
  },
});
