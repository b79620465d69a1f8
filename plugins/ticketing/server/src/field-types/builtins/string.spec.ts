import type { FieldDefinition } from '../types';
import { stringFieldType as type } from './string';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'site_name', type: 'string', label: { 'zh-CN': '站点名称', en: 'Site name' }, rules: { minLength: 1, maxLength: 64 } };

describe('string field type', () => {
  it.each([
    ['  浦东金桥站  ', '浦东金桥站'],
    ['ＳＨ－００１', 'ＳＨ－００１'],
    ['浦东（一期）站', '浦东（一期）站'],
    ['\u3000A\u3000', 'A'],
    [387, '387'],
    [1.5, '1.5'],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value });
  });

  it('reads blank input as null', () => {
    for (const blank of [undefined, null, '', ' \t ']) expect(type.parse(blank, field, ctx)).toEqual({ ok: true, value: null });
  });

  it('does not enforce the length rules (ajv does)', () => {
    expect(type.parse('x'.repeat(100), field, ctx)).toEqual({ ok: true, value: 'x'.repeat(100) });
  });

  it.each([[{ a: 1 }], [[1, 2]], [true], [NaN], [new Date(0)]])('refuses %p', (input) => {
    const result = type.parse(input, field, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^not text: /);
  });

  it('builds a string schema from the rules', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'string', minLength: 1, maxLength: 64 });
    expect(type.schema({ ...field, rules: { pattern: '^SH' } }, 'en')).toEqual({ type: 'string', pattern: '^SH' });
    expect(type.schema({ ...field, rules: undefined }, 'en')).toEqual({ type: 'string' });
    expect(type.uiSchema(field, 'en')).toEqual({});
  });

  it('checks rules JSON Schema cannot', () => {
    expect(type.checkRules!({ minLength: 1, maxLength: 64, pattern: '^\\p{Script=Han}+$' })).toEqual([]);
    expect(type.checkRules!({ minLength: 10, maxLength: 5 })).toEqual(['minLength must not be greater than maxLength.']);
    expect(type.checkRules!({ pattern: '([a-z' })[0]).toMatch(/^pattern is not a valid regular expression/);
    // Valid without the u flag, invalid with it (as ajv compiles it).
    expect(type.checkRules!({ pattern: '\\-\\q' })).toHaveLength(1);
  });

  it('formats the value as is', () => {
    expect(type.format('浦东金桥站', field, 'zh-CN')).toBe('浦东金桥站');
    expect(type.format(null as unknown as string, field, 'zh-CN')).toBeNull();
  });
});
