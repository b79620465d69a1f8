// Test support only (imported by *.spec.ts): the real field types and the repo's seed ticket
// types, so specs exercise the same parse the Strapi side passes in.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { builtinFieldTypes } from '../../../../ticketing/server/src/field-types/builtins';
import type { FieldDefinition } from '../../../../ticketing/server/src/field-types/types';
import type { OcrLineInput, ParseFn, Quad } from './types';

const TICKET_TYPES_DIR = path.resolve(__dirname, '../../../../../config/ticket-types');

/** The fields of a seed ticket type (`bs-fault`, `site-survey`) from config/ticket-types. */
export function seedFields(typeKey: string): FieldDefinition[] {
  const doc = YAML.parse(fs.readFileSync(path.join(TICKET_TYPES_DIR, `${typeKey}.yaml`), 'utf8')) as { fields: FieldDefinition[] };
  return doc.fields;
}

/** The built-in field types' parse, in Asia/Shanghai, as the Strapi side binds the registry's. */
export const builtinParse: ParseFn<FieldDefinition> = (field, raw) => {
  const type = builtinFieldTypes.find((t) => t.name === field.type);
  if (!type) return { ok: false, error: `unknown field type ${field.type}` };
  return type.parse(raw, field, { timeZone: 'Asia/Shanghai' });
};

/** An upright box at x, y of the given size. */
export function box(x: number, y: number, width: number, height: number): Quad {
  return [[x, y], [x + width, y], [x + width, y + height], [x, y + height]];
}

/** A line of text at x, y; 20 px per character, 30 px tall, unless given. */
export function line(text: string, x: number, y: number, width = 20 * Array.from(text).length, height = 30): OcrLineInput {
  return { text, confidence: 1, box: box(x, y, width, height) };
}
