import type { FieldDefinition } from '../types';
import { numberFieldType as type } from './number';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'longitude', type: 'number', label: { 'zh-CN': '经度', en: 'Longitude' }, rules: { minimum: -180, maximum: 180 } };

describe('number field type', () => {
  it.each([
    [121.47, 121.47],
    ['121.47°', 121.47],
    ['121.47 °', 121.47],
    ['121.5度', 121.5],
    ['30m', 30],
    ['30 米', 30],
    ['-3.5', -3.5],
    ['１２１．４７', 121.47],
    ['1,234.5', 1234.5],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value });
  });

  it.each(['12a', 'abc', '1.2.3', 'NaN', 'Infinity', '0x1F', '1e5', '121°30\'', 'N31.2'])('refuses %p', (input) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: false, error: `not a number: ${JSON.stringify(input)}` });
  });

  it('refuses non-finite numbers and other values', () => {
    expect(type.parse(Infinity, field, ctx).ok).toBe(false);
    expect(type.parse(false, field, ctx).ok).toBe(false);
  });

  it('builds a number schema from the rules', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'number', minimum: -180, maximum: 180 });
  });

  it('checks minimum ≤ maximum', () => {
    expect(type.checkRules!({ minimum: -90, maximum: 90 })).toEqual([]);
    expect(type.checkRules!({ minimum: 90.5, maximum: 90 })).toEqual(['minimum must not be greater than maximum.']);
  });

  it('formats as a number', () => {
    expect(type.format(-3.5, field, 'en')).toBe(-3.5);
  });
});
