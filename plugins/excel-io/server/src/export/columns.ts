import { InvalidError } from 'strapi-plugin-access';
import { META_HEADERS } from './labels';
import type { FieldDefinition, FieldType, Locale, TypeDefinition } from './ticketing-slice';

/** The ticket's own columns an export may hold besides its form fields. */
export const META_COLUMNS = ['id', 'status', 'creator', 'createdAt', 'updatedAt'] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];

const isMeta = (key: string): key is MetaColumn => (META_COLUMNS as readonly string[]).includes(key);

/** One column of an export: a form field (with its type) or one of the ticket's own. */
export type ExportColumn =
  | { key: string; header: string; source: 'field'; field: FieldDefinition; type: FieldType }
  | { key: MetaColumn; header: string; source: 'meta' };

/**
 * The columns asked for, in that order, or by default every field in the type's order and then
 * the ticket's own columns; headers in `locale`. An unknown or repeated key is a 400 naming it.
 */
export function resolveColumns(
  definition: TypeDefinition,
  requested: string[] | undefined,
  locale: Locale,
  typeOf: (name: string) => FieldType | undefined,
): ExportColumn[] {
  const fields = new Map(definition.fields.map((f) => [f.key, f]));
  const keys = requested ?? [...definition.fields.map((f) => f.key), ...META_COLUMNS];
  if (!keys.length) throw new InvalidError('columns must name at least one column');
  const seen = new Set<string>();
  return keys.map((key) => {
    if (seen.has(key)) throw new InvalidError(`columns names "${key}" twice`);
    seen.add(key);
    const field = fields.get(key);
    if (field) {
      const type = typeOf(field.type);
      if (!type) throw new InvalidError(`Field "${key}" has the unknown field type "${field.type}"`);
      return { key, header: field.label[locale] ?? field.label['zh-CN'], source: 'field', field, type };
    }
    if (isMeta(key)) return { key, header: META_HEADERS[key][locale], source: 'meta' };
    throw new InvalidError(`Unknown column "${key}" for ticket type ${definition.key}: use its field keys or ${META_COLUMNS.join(', ')}`);
  });
}
