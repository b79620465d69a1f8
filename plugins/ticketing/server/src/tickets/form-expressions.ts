import { FIELD_KEY_PATTERN, type ValueKind } from '../field-types';

const SAFE_KEY = new RegExp(FIELD_KEY_PATTERN);
const SAFE_TYPE_KEY = /^[a-z][a-z0-9-]{0,63}$/;

/** Field keys are inlined into SQL (index expressions must match literally); the meta-schema keeps them plain. */
export function assertSafeKey(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe form field key "${key}"`);
  return key;
}

export function quoteTypeKey(typeKey: string): string {
  if (!SAFE_TYPE_KEY.test(typeKey)) throw new Error(`Unsafe ticket type key "${typeKey}"`);
  return `'${typeKey}'`;
}

/**
 * The SQL expression of one form field's value, typed for comparison. The list query
 * and the bootstrap indexes both use this one function, so they always match.
 */
export function fieldExpression(key: string, kind: ValueKind): string {
  const safeKey = assertSafeKey(key);
  if (kind.cast === 'jsonb') return `(form_data->'${safeKey}')`;
  const text = `(form_data->>'${safeKey}')`;
  return kind.cast === 'text' ? text : `(${text}::${kind.cast})`;
}
