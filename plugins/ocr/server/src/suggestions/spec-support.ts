// Test support only (imported by *.spec.ts): the real field types and the repo's seed ticket
// types, so specs exercise the same parse the Strapi side passes in.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { FieldDefinition } from 'strapi-plugin-ticketing';
// the real registry with the built-in types, as the Strapi side hands it in
import { builtinFieldTypes } from '../../../../ticketing/server/src/field-types/builtins';
import { FieldTypeRegistry } from '../../../../ticketing/server/src/field-types/registry';
import type { FieldReader, OcrLineInput, Quad } from './types';

const TICKET_TYPES_DIR = path.resolve(__dirname, '../../../../../config/ticket-types');

/** The fields of a seed ticket type (`bs-fault`, `site-survey`) from config/ticket-types. */
export function seedFields(typeKey: string): FieldDefinition[] {
  const doc = YAML.parse(fs.readFileSync(path.join(TICKET_TYPES_DIR, `${typeKey}.yaml`), 'utf8')) as { fields: FieldDefinition[] };
  return doc.fields;
}

const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((type) => registry.register(type));

/** The built-in field types in Asia/Shanghai and zh-CN, as the Strapi side binds the registry. */
export const builtinReader: FieldReader<FieldDefinition> = {
  parse: (field, raw) => registry.require(field.type).parse(raw, field, { timeZone: 'Asia/Shanghai' }),
  check: (field, value) => registry.check(field, value, 'zh-CN'),
  isFreeText: (field) => registry.require(field.type).freeText,
};

/** Just the parse of {@link builtinReader}. */
export const builtinParse = builtinReader.parse;

/** An upright box at x, y of the given size. */
export function box(x: number, y: number, width: number, height: number): Quad {
  return [[x, y], [x + width, y], [x + width, y + height], [x, y + height]];
}

/** A line of text at x, y; 20 px per character, 30 px tall, unless given. */
export function line(text: string, x: number, y: number, width = 20 * Array.from(text).length, height = 30): OcrLineInput {
  return { text, confidence: 1, box: box(x, y, width, height) };
}
