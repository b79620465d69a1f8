import type { FieldDefinition } from '../types';
import { integerFieldType as type } from './integer';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'pci', type: 'integer', label: { 'zh-CN': '物理小区标识', en: 'PCI' }, rules: { minimum: 0, maximum: 1007 } };

describe('integer field type', () => {
  it.each([
    [387, 387],
    [3.0, 3],
    ['387', 387],
    [' 387 ', 387],
    ['１２３', 123],
    ['3.0', 3],
    ['6个', 6],
    ['1,234', 1234],
    ['+5', 5],
    ['-12', -12],
    ['4294967295', 4294967295],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value });
  });

  it('does not enforce the range rules (ajv does)', () => {
    expect(type.parse(5000, field, ctx)).toEqual({ ok: true, value: 5000 });
  });

  it.each([
    [3.5, 'not an integer: 3.5'],
    ['3.5', 'not an integer: "3.5"'],
    ['12a', 'not a number: "12a"'],
    ['abc', 'not a number: "abc"'],
    ['NaN', 'not a number: "NaN"'],
    ['0x1F', 'not a number: "0x1F"'],
    ['1e3', 'not a number: "1e3"'],
    [2 ** 53, 'not an integer: 9007199254740992'],
  ])('refuses %p', (input, error) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: false, error });
  });

  it('reads blank as null', () => {
    expect(type.parse('  ', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('builds an integer schema from the rules', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'integer', minimum: 0, maximum: 1007 });
    expect(type.schema({ ...field, rules: {} }, 'en')).toEqual({ type: 'integer' });
    expect(type.uiSchema(field, 'en')).toEqual({});
  });

  it('checks minimum ≤ maximum', () => {
    expect(type.checkRules!({ minimum: 0, maximum: 1007 })).toEqual([]);
    expect(type.checkRules!({ minimum: 5, maximum: 5 })).toEqual([]);
    expect(type.checkRules!({ minimum: 10, maximum: 1 })).toEqual(['minimum must not be greater than maximum.']);
  });

  it('formats as a number', () => {
    expect(type.format(387, field, 'zh-CN')).toBe(387);
  });
});
