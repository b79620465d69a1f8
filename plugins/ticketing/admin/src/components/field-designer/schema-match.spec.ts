import addFormats from 'ajv-formats';
import { matches, type Schema } from './schema-match';

// ajv with ajv-formats' formats and formatMinimum/formatMaximum. The ajv that ajv-formats
// itself resolves: its range keywords generate code with that copy's helpers, and fail
// ("compare is not a function") in an ajv installed elsewhere, as the plugin's own is.
const { default: Ajv } = require(require.resolve('ajv', { paths: [require.resolve('ajv-formats')] }));
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

/** Conditions compiled as the field-rule contract says (C(condition)), each with values to decide. */
const present = (field: string, test: Record<string, unknown>) => ({ properties: { [field]: test }, required: [field] });
const conditions: [string, Schema][] = [
  ['equals text', present('work_type', { const: 'other' })],
  ['equals false', present('ok', { const: false })],
  ['equals null', present('ok', { const: null })],
  ['in', present('impact', { enum: ['degraded', 'outage'] })],
  ['number range', present('minutes', { minimum: 10, maximum: 60 })],
  ['number minimum', present('minutes', { minimum: 10 })],
  ['date range', present('day', { format: 'date', formatMinimum: '2026-01-01', formatMaximum: '2026-12-31' })],
  ['date-time range', present('at', { format: 'date-time', formatMinimum: '2026-03-01T08:00:00+08:00' })],
  ['empty', { not: { required: ['phone'] } }],
  ['not empty', { required: ['phone'] }],
  ['all', { allOf: [present('impact', { const: 'outage' }), present('minutes', { minimum: 30 })] }],
  ['any with nested all', { anyOf: [{ not: { required: ['phone'] } }, { allOf: [present('ok', { const: true }), present('impact', { enum: ['none'] })] }] }],
];

const values: Record<string, unknown>[] = [
  {},
  { work_type: 'other' },
  { work_type: 'Other' },
  { ok: false },
  { ok: true },
  { ok: null },
  { ok: 0 },
  { impact: 'outage', minutes: 30 },
  { impact: 'outage', minutes: 29.5 },
  { impact: 'degraded' },
  { impact: 'none', ok: true },
  { minutes: 10 },
  { minutes: 60 },
  { minutes: 61 },
  { minutes: '20' },
  { day: '2026-01-01' },
  { day: '2025-12-31' },
  { day: '2026-12-31' },
  { day: '2027-01-01' },
  { day: '2026-02-30' },
  { day: 'soon' },
  { at: '2026-03-01T00:00:00Z' },
  { at: '2026-02-28T23:59:59Z' },
  { at: '2026-03-01T08:00:00+08:00' },
  { at: '2026-03-01T07:59:59+08:00' },
  { at: '2026-03-01 08:00' },
  { phone: '13800000000' },
  { phone: '' },
];

describe('matches agrees with ajv on compiled conditions', () => {
  it.each(conditions)('%s, on every value of the table', (_name, schema) => {
    const decided = (decide: (v: Record<string, unknown>) => boolean) => values.map((v) => `${JSON.stringify(v)} → ${decide(v)}`);
    expect(decided((v) => matches(schema, v))).toEqual(decided((v) => ajv.validate(schema as object, v)));
  });

  it('decides if/then/else and oneOf like ajv', () => {
    const schema = { if: present('a', { const: 1 }), then: { required: ['b'] }, else: { oneOf: [{ required: ['c'] }, { required: ['d'] }] } };
    for (const v of [{ a: 1 }, { a: 1, b: 2 }, { a: 2 }, { c: 1 }, { c: 1, d: 1 }]) {
      expect(matches(schema, v)).toBe(ajv.validate(schema, v));
    }
  });
});
