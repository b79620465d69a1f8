/**
 * Decides whether a value meets a JSON Schema, for the keywords the server compiles
 * conditions into (const, enum, minimum/maximum, format with formatMinimum/formatMaximum,
 * required, properties, not, allOf, anyOf, oneOf, if/then/else, type). The admin panel's
 * content security policy forbids the code generation ajv relies on, and the preview only
 * needs these; schema-match.spec.ts runs it beside ajv on the same cases.
 */
export type Schema = { [keyword: string]: unknown } | boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[tT](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Orders two strings of a format: dates as text, date-times as instants; undefined when either is not one. */
function compareFormatted(format: unknown, a: string, b: string): number | undefined {
  if (format === 'date') return isDate(a) && isDate(b) ? (a < b ? -1 : a > b ? 1 : 0) : undefined;
  if (format === 'date-time') {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    return Number.isNaN(x) || Number.isNaN(y) ? undefined : x - y;
  }
  return undefined;
}

function meetsFormat(format: unknown, text: string): boolean {
  if (format === 'date') return isDate(text);
  if (format === 'date-time') {
    const m = DATE_TIME.exec(text);
    return !!m && isDate(m[1]) && !Number.isNaN(Date.parse(text));
  }
  return true;
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: isObject,
  null: (v) => v === null,
};

function meetsString(s: Record<string, unknown>, value: string): boolean {
  if (s.format !== undefined && !meetsFormat(s.format, value)) return false;
  for (const [keyword, sign] of [['formatMinimum', 1], ['formatMaximum', -1]] as const) {
    if (s[keyword] === undefined) continue;
    const order = compareFormatted(s.format, value, String(s[keyword]));
    if (order === undefined || order * sign < 0) return false;
  }
  return true;
}

function meetsNumber(s: Record<string, unknown>, value: number): boolean {
  if (typeof s.minimum === 'number' && value < s.minimum) return false;
  if (typeof s.maximum === 'number' && value > s.maximum) return false;
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
  return true;
}

function meetsObject(s: Record<string, unknown>, value: Record<string, unknown>): boolean {
  if (Array.isArray(s.required) && !s.required.every((k) => value[k as string] !== undefined)) return false;
  const properties = isObject(s.properties) ? s.properties : {};
  return Object.entries(properties).every(([k, sub]) => value[k] === undefined || matches(sub as Schema, value[k]));
}

export function matches(schema: Schema, value: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  const s = schema;
  if (s.type !== undefined && ![s.type].flat().some((t) => TYPES[t as string]?.(value))) return false;
  if ('const' in s && !sameValue(value, s.const)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((e) => sameValue(value, e))) return false;
  if (typeof value === 'string' && !meetsString(s, value)) return false;
  if (typeof value === 'number' && !meetsNumber(s, value)) return false;
  if (isObject(value) && !meetsObject(s, value)) return false;
  if (s.not !== undefined && matches(s.not as Schema, value)) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub: Schema) => matches(sub, value))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub: Schema) => matches(sub, value))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub: Schema) => matches(sub, value)).length !== 1) return false;
  if (s.if !== undefined) {
    const branch = matches(s.if as Schema, value) ? s.then : s.else;
    if (branch !== undefined && !matches(branch as Schema, value)) return false;
  }
  return true;
}
