import type Ajv from 'ajv';
import type { AnySchemaObject } from 'ajv';

/** Dates compare as their text (YYYY-MM-DD sorts in time order); date-times as the instants they name. */
function compare(format: unknown, a: string, b: string): number {
  if (format === 'date-time') return Date.parse(a) - Date.parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `formatMinimum` / `formatMaximum` (ajv-formats' keywords, which the portal's validator has)
 * as plain functions. ajv-formats generates their code with the helpers of the ajv copy it
 * resolves, which in this workspace is not the plugin's own: its version throws on the first
 * range condition on a date.
 */
export function addFormatLimitKeywords(ajv: Ajv): Ajv {
  for (const [keyword, holds] of [
    ['formatMinimum', (c: number) => c >= 0],
    ['formatMaximum', (c: number) => c <= 0],
  ] as const) {
    ajv.addKeyword({
      keyword,
      type: 'string',
      schemaType: 'string',
      validate: (limit: string, value: string, parent?: AnySchemaObject) => {
        const order = compare((parent as { format?: unknown } | undefined)?.format, value, limit);
        return Number.isNaN(order) ? false : holds(order);
      },
    });
  }
  return ajv;
}
