import type Ajv from 'ajv';

/** The keyword the schema endpoint writes for a field's `after`: the key of the field it must follow. */
export const AFTER_KEYWORD = 'x-after';

/** Numbers compare as numbers; dates and date-times as the instants they name (offsets may differ). */
function isLater(value: unknown, earlier: unknown): boolean {
  if (typeof value === 'number' && typeof earlier === 'number') return value > earlier;
  if (typeof value === 'string' && typeof earlier === 'string') return Date.parse(value) > Date.parse(earlier);
  return false;
}

/**
 * Defines `x-after` on the form's ajv as the server's ajv defines it: when both the field and
 * the sibling it names hold a value, the field's must be later (greater).
 */
export function addAfterKeyword(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: AFTER_KEYWORD,
    schemaType: 'string',
    validate: (earlierKey: string, value: unknown, _schema: unknown, data?: { parentData?: unknown }) => {
      const siblings = data?.parentData as Record<string, unknown> | undefined;
      const earlier = siblings?.[earlierKey];
      return earlier === undefined || earlier === null || isLater(value, earlier);
    },
  });
}
