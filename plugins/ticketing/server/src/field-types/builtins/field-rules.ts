import type { FieldDefinition, JsonSchema } from '../types';

type Rules = Record<string, unknown> | undefined;

/** A numeric rule of a field when set (rules are validated elsewhere; read defensively anyway). */
export function numberRule(rules: Rules, key: string): number | undefined {
  const value = rules?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A string rule of a field when set. */
export function stringRule(rules: Rules, key: string): string | undefined {
  const value = rules?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The listed numeric and string rules of a field, copied as JSON Schema keywords of the same name. */
export function pickRules(field: FieldDefinition, keys: readonly string[]): JsonSchema {
  const picked: JsonSchema = {};
  for (const key of keys) {
    const value = numberRule(field.rules, key) ?? stringRule(field.rules, key);
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

/** The rules schema of a type whose rules are all optional and listed in `properties`. */
export function rulesObjectSchema(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** Rules for a length-limited text: minLength, maxLength, pattern. */
export const textRulesSchema = rulesObjectSchema({
  minLength: { type: 'integer', minimum: 0 },
  maxLength: { type: 'integer', minimum: 1 },
  pattern: { type: 'string', minLength: 1, maxLength: 1000 },
});

/** Rules for a bounded number (`integer` or `number`): minimum, maximum. */
export function rangeRulesSchema(type: 'integer' | 'number'): JsonSchema {
  return rulesObjectSchema({ minimum: { type }, maximum: { type } });
}

/** A message when both bounds are set and the lower one is above the upper one. */
export function checkOrder(rules: Rules, low: string, high: string): string[] {
  const lowValue = numberRule(rules, low);
  const highValue = numberRule(rules, high);
  if (lowValue === undefined || highValue === undefined || lowValue <= highValue) return [];
  return [`${low} must not be greater than ${high}.`];
}

/** A message when `pattern` is set and is not a valid JS regular expression (with the `u` flag, as ajv uses). */
export function checkPattern(rules: Rules): string[] {
  const pattern = stringRule(rules, 'pattern');
  if (pattern === undefined) return [];
  try {
    new RegExp(pattern, 'u');
    return [];
  } catch (error) {
    return [`pattern is not a valid regular expression: ${(error as Error).message}`];
  }
}
