import type { FieldDefinition } from '../types';
import { multiEnumFieldType as type } from './multi-enum';

const ctx = { timeZone: 'Asia/Shanghai' };
const option = (value: string, zh: string, en: string) => ({ value, label: { 'zh-CN': zh, en } });
const bands: FieldDefinition = {
  key: 'bands',
  type: 'multi-enum',
  label: { 'zh-CN': '频段', en: 'Bands' },
  rules: {
    options: [option('n41', 'n41频段', 'Band n41'), option('n78', 'n78频段', 'Band n78'), option('n79', 'n79频段', 'Band n79'), option('tx_power', '传输/电源', 'Transport/power')],
    maxItems: 3,
  },
};

describe('multi-enum field type', () => {
  it.each([
    [['n41', 'n78'], ['n41', 'n78']],
    ['n41,n78', ['n41', 'n78']],
    ['n41，n78', ['n41', 'n78']],
    ['n78、n41', ['n78', 'n41']],
    ['n41; n78；n79', ['n41', 'n78', 'n79']],
    ['n41 / n78 | n79', ['n41', 'n78', 'n79']],
    ['n41\nn78\r\nn79', ['n41', 'n78', 'n79']],
    ['N41, n78频段, Band N79', ['n41', 'n78', 'n79']],
    ['n41,n41,N41', ['n41']],
    ['n41,,n78,', ['n41', 'n78']],
    ['传输/电源', ['tx_power']],
    [['n79', 'n41频段'], ['n79', 'n41']],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, bands, ctx)).toEqual({ ok: true, value });
  });

  it('reads blank input and empty lists as null', () => {
    for (const blank of [undefined, null, '', ' ', [], ['', ' '], ',']) expect(type.parse(blank, bands, ctx)).toEqual({ ok: true, value: null });
  });

  it('refuses unknown options naming each of them', () => {
    expect(type.parse('n41, n3, n5', bands, ctx)).toEqual({ ok: false, error: 'unknown options: "n3", "n5"' });
    expect(type.parse([{ v: 1 }], bands, ctx).ok).toBe(false);
    expect(type.parse(41, bands, ctx)).toEqual({ ok: false, error: 'not a list of options: 41' });
  });

  it('builds a unique array schema titled in the locale', () => {
    expect(type.schema(bands, 'en')).toEqual({
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        anyOf: [
          { const: 'n41', title: 'Band n41' },
          { const: 'n78', title: 'Band n78' },
          { const: 'n79', title: 'Band n79' },
          { const: 'tx_power', title: 'Transport/power' },
        ],
      },
      maxItems: 3,
    });
    expect(type.uiSchema(bands, 'en')).toEqual({ 'ui:widget': 'checkboxes' });
    const many = { ...bands, rules: { options: Array.from({ length: 9 }, (_, i) => option(`o${i}`, `选${i}`, `O${i}`)) } };
    expect(type.uiSchema(many, 'en')).toEqual({});
  });

  it('checks its rules', () => {
    expect(type.checkRules!(bands.rules!)).toEqual([]);
    expect(type.checkRules!({ ...bands.rules, minItems: 3, maxItems: 2 })).toEqual(['minItems must not be greater than maxItems.']);
    expect(type.checkRules!({ options: bands.rules!.options, minItems: 5 })).toEqual(['minItems must not be greater than the number of options.']);
    expect(type.checkRules!({ options: [option('a', '甲', 'A'), option('a', '乙', 'B')] })).toHaveLength(1);
  });

  it('formats as labels joined for the locale', () => {
    expect(type.format(['n41', 'n78'], bands, 'zh-CN')).toBe('n41频段、n78频段');
    expect(type.format(['n41', 'n78'], bands, 'en')).toBe('Band n41, Band n78');
    expect(type.format([], bands, 'en')).toBeNull();
    expect(type.format(null as unknown as string[], bands, 'en')).toBeNull();
  });
});
