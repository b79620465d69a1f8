import type Ajv from 'ajv';
import { AFTER_KEYWORD, type FieldDefinition, type Locale } from '../field-types';

/** Numbers compare as numbers; dates and date-times as the instants they name (offsets may differ). */
function later(value: unknown, earlier: unknown): boolean {
  if (typeof value === 'number' && typeof earlier === 'number') return value > earlier;
  if (typeof value === 'string' && typeof earlier === 'string') return Date.parse(value) > Date.parse(earlier);
  return false;
}

/**
 * Defines `x-after` (a field's `after`): the value must be later than the sibling field it
 * names, when both are present. The portal registers the same keyword on its RJSF validator.
 */
export function addAfterKeyword(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: AFTER_KEYWORD,
    schemaType: 'string',
    validate: (earlierKey: string, value: unknown, _schema: unknown, data?: { parentData?: unknown }) => {
      const parent = data?.parentData as Record<string, unknown> | undefined;
      const earlier = parent?.[earlierKey];
      return earlier === undefined || earlier === null || later(value, earlier);
    },
  });
}

/** The message of `field`'s failed `x-after`, naming the earlier field in the request's language. */
export function afterMessage(field: FieldDefinition | undefined, fields: ReadonlyMap<string, FieldDefinition>, locale: Locale): string {
  const earlier = field?.after ? fields.get(field.after) : undefined;
  const name = earlier?.label[locale] ?? field?.after ?? '';
  const numeric = earlier?.type === 'integer' || earlier?.type === 'number';
  if (locale === 'en') return numeric ? `must be greater than ${name}` : `must be later than ${name}`;
  return numeric ? `必须大于${name}` : `必须晚于${name}`;
}
