import type { FieldDefinition } from '../types';
import { imagesFieldType as type } from './images';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'photos', type: 'images', label: { 'zh-CN': '现场照片', en: 'Site photos' }, rules: { maxItems: 20 } };

describe('images field type', () => {
  it.each([
    [['a1', 'b2'], ['a1', 'b2']],
    [['a1', 'a1', 'b2'], ['a1', 'b2']],
    [[' a1 '], ['a1']],
    ['a1, b2,a1', ['a1', 'b2']],
    ['ａ１，ｂ２', ['a1', 'b2']],
    ['a1', ['a1']],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value });
  });

  it('reads blank input and an empty list as null', () => {
    for (const blank of [undefined, null, '', []]) expect(type.parse(blank, field, ctx)).toEqual({ ok: true, value: null });
  });

  it.each([[[1, 2]], [['a1', '']], [['a1', null]], [{}], [5], ['a1,,b2']])('refuses %p', (input) => {
    const result = type.parse(input, field, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^not (a list of image ids|an image id): /);
  });

  it('builds an array schema with the field limit, or the hard cap', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'array', uniqueItems: true, items: { type: 'string' }, maxItems: 20 });
    expect(type.schema({ ...field, rules: { minItems: 1 } }, 'en')).toEqual({
      type: 'array',
      uniqueItems: true,
      items: { type: 'string' },
      maxItems: 100,
      minItems: 1,
    });
    expect(type.uiSchema(field, 'en')).toEqual({ 'ui:field': 'images' });
  });

  it('checks minItems ≤ maxItems', () => {
    expect(type.checkRules!({ minItems: 1, maxItems: 20 })).toEqual([]);
    expect(type.checkRules!({ minItems: 5, maxItems: 2 })).toEqual(['minItems must not be greater than maxItems.']);
  });

  it('formats as the photo ids, which parse reads back', () => {
    expect(type.format(['a1', 'b2'], field, 'zh-CN')).toBe('a1, b2');
    expect(type.parse(type.format(['a1', 'b2'], field, 'zh-CN'), field, { timeZone: 'UTC' })).toEqual({ ok: true, value: ['a1', 'b2'] });
    expect(type.format(null as unknown as string[], field, 'zh-CN')).toBeNull();
  });
});
