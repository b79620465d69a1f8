import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldDefinition, FieldType } from '../types';
import { builtinFieldTypes } from './index';

// Strict, as the server compiles ticket schemas; formats as @rjsf/validator-ajv8 adds them.
const newAjv = () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
};
const ctx = { timeZone: 'Asia/Shanghai' };
const typeNamed = (name: string): FieldType => builtinFieldTypes.find((t) => t.name === name)!;
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const severityOptions = [
  { value: 'critical', label: label('紧急', 'Critical') },
  { value: 'major', label: label('重要', 'Major') },
];

/** Rules each type must accept, and rules its rulesSchema or checkRules must refuse. */
const RULES: Record<string, { good: Record<string, unknown>[]; bad: Record<string, unknown>[] }> = {
  string: {
    good: [{}, { minLength: 1, maxLength: 64 }, { pattern: '^SH-\\d+$' }],
    bad: [{ maxLength: -1 }, { minLength: 1.5 }, { pattern: '(' }, { minLength: 5, maxLength: 4 }, { max: 3 }],
  },
  text: { good: [{ maxLength: 2000 }], bad: [{ maxLength: '2000' }, { rows: 4 }] },
  integer: {
    good: [{}, { minimum: 0, maximum: 4294967295 }, { minimum: 1 }],
    bad: [{ minimum: 0.5 }, { minimum: 10, maximum: 1 }, { min: 0 }],
  },
  number: { good: [{ minimum: -180, maximum: 180 }, { maximum: 0.5 }], bad: [{ minimum: '0' }, { minimum: 1, maximum: -1 }] },
  boolean: { good: [{}], bad: [{ default: true }] },
  enum: {
    good: [{ options: severityOptions }],
    bad: [
      {},
      { options: [] },
      { options: [{ value: 'Critical', label: label('紧急', 'Critical') }] },
      { options: [{ value: 'critical', label: { 'zh-CN': '紧急' } }] },
      { options: [{ value: 'critical', label: label('紧急', '') }] },
      { options: [{ value: 'critical', label: label('紧急', 'Critical'), color: 'red' }] },
      { options: [...severityOptions, severityOptions[0]] },
    ],
  },
  'multi-enum': {
    good: [{ options: severityOptions }, { options: severityOptions, minItems: 1, maxItems: 2 }],
    bad: [{ options: severityOptions, minItems: 2, maxItems: 1 }, { options: severityOptions, maxItems: 0 }, { minItems: 1 }],
  },
  date: { good: [{}], bad: [{ minimum: '2026-01-01' }] },
  'date-time': { good: [{}], bad: [{ maximum: '2026-01-01T00:00:00Z' }] },
  phone: { good: [{}], bad: [{ pattern: '^1\\d{10}$' }] },
  images: {
    good: [{}, { maxItems: 20 }, { minItems: 1, maxItems: 100 }],
    bad: [{ maxItems: 0 }, { maxItems: 101 }, { minItems: 3, maxItems: 2 }, { maxItems: 2.5 }],
  },
};

/** A field of each type with a value its parse accepts and a value its schema must refuse. */
const SAMPLES: Record<string, { rules?: Record<string, unknown>; input: unknown; invalid: unknown }> = {
  string: { rules: { maxLength: 5 }, input: ' SH01 ', invalid: 'too long' },
  text: { rules: { maxLength: 20 }, input: 'a\r\nb', invalid: 'x'.repeat(21) },
  integer: { rules: { minimum: 0, maximum: 1007 }, input: '387', invalid: 1008 },
  number: { rules: { minimum: -180, maximum: 180 }, input: '121.47°', invalid: 181 },
  boolean: { input: '是', invalid: 'yes' },
  enum: { rules: { options: severityOptions }, input: '紧急', invalid: '紧急' },
  'multi-enum': { rules: { options: severityOptions, maxItems: 2 }, input: 'critical、重要', invalid: ['critical', 'critical'] },
  date: { input: '2026年11月30日', invalid: '2026/11/30' },
  'date-time': { input: '2026/11/30 08:15', invalid: '2026-11-30 08:15' },
  phone: { input: '+86 138 1234 5678', invalid: '12812345678' },
  images: { rules: { maxItems: 2 }, input: 'a1,b2', invalid: ['a1', 'b2', 'c3'] },
};

describe('builtinFieldTypes', () => {
  it('lists every built-in once, in designer order', () => {
    expect(builtinFieldTypes.map((t) => t.name)).toEqual([
      'string', 'text', 'integer', 'number', 'boolean', 'enum', 'multi-enum', 'date', 'date-time', 'phone', 'images',
    ]);
  });

  it.each(builtinFieldTypes.map((t) => [t.name, t] as const))('%s has labels in every locale', (_name, type) => {
    expect(type.label['zh-CN']).toBeTruthy();
    expect(type.label.en).toBeTruthy();
  });
});

describe.each(builtinFieldTypes.map((t) => [t.name] as const))('%s rules', (name) => {
  const type = typeNamed(name);
  const validRules = newAjv().compile(type.rulesSchema);
  const accepts = (rules: Record<string, unknown>) => validRules(rules) && (type.checkRules?.(rules) ?? []).length === 0;

  it('has a closed draft-07 rulesSchema', () => {
    expect(newAjv().validateSchema(type.rulesSchema)).toBe(true);
    expect(type.rulesSchema).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it.each(RULES[name].good.map((r) => [r]))('accepts %j', (rules) => {
    expect(validRules(rules)).toBe(true);
    expect(type.checkRules?.(rules) ?? []).toEqual([]);
  });

  it.each(RULES[name].bad.map((r) => [r]))('refuses %j', (rules) => {
    expect(accepts(rules)).toBe(false);
  });
});

describe.each(builtinFieldTypes.map((t) => [t.name] as const))('%s value schema', (name) => {
  const type = typeNamed(name);
  const sample = SAMPLES[name];
  const field: FieldDefinition = { key: 'f', type: name, label: label('字段', 'Field'), rules: sample.rules };

  it.each(['zh-CN', 'en'] as const)('compiles under strict ajv in %s, accepts the parsed value and refuses an invalid one', (locale) => {
    const validate = newAjv().compile(type.schema(field, locale));
    const parsed = type.parse(sample.input, field, ctx);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).not.toBeNull();
    expect(validate(parsed.ok ? parsed.value : undefined)).toBe(true);
    expect(validate(sample.invalid)).toBe(false);
    expect(validate(null)).toBe(false);
  });

  it('has a plain-object uiSchema and formats its parsed value', () => {
    expect(type.uiSchema(field, 'zh-CN')).toEqual(expect.any(Object));
    const parsed = type.parse(sample.input, field, ctx);
    const formatted = type.format(parsed.ok ? parsed.value : null, field, 'zh-CN');
    expect(['string', 'number', 'boolean']).toContain(typeof formatted);
  });

  it('never throws on odd input', () => {
    const odd = [Symbol('s'), () => 1, new Map(), Object.create(null), 10n, -0, [[]], { toString: () => { throw new Error('x'); } }];
    for (const input of odd) expect(() => type.parse(input, field, ctx)).not.toThrow();
  });
});
