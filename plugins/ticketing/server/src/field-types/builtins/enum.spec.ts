import type { FieldDefinition } from '../types';
import { enumFieldType as type } from './enum';

const ctx = { timeZone: 'Asia/Shanghai' };
const severity: FieldDefinition = {
  key: 'severity',
  type: 'enum',
  label: { 'zh-CN': '严重程度', en: 'Severity' },
  rules: {
    options: [
      { value: 'critical', label: { 'zh-CN': '紧急', en: 'Critical' } },
      { value: 'major', label: { 'zh-CN': '重要', en: 'Major' } },
      { value: 'minor', label: { 'zh-CN': '一般', en: 'Minor' } },
    ],
  },
};
const faultType: FieldDefinition = {
  key: 'fault_type',
  type: 'enum',
  label: { 'zh-CN': '故障类型', en: 'Fault type' },
  rules: { options: [{ value: 'site_outage', label: { 'zh-CN': '断站', en: 'Site outage' } }] },
};

describe('enum field type', () => {
  it.each(['critical', 'CRITICAL', ' Critical ', '紧急', ' 紧急\u3000', 'ｃｒｉｔｉｃａｌ', 'critical'])('reads %p as critical', (input) => {
    expect(type.parse(input, severity, ctx)).toEqual({ ok: true, value: 'critical' });
  });

  it('reads labels with spaces and case differences', () => {
    expect(type.parse('site  OUTAGE', faultType, ctx)).toEqual({ ok: true, value: 'site_outage' });
    expect(type.parse('Site_Outage', faultType, ctx)).toEqual({ ok: true, value: 'site_outage' });
  });

  it('refuses unknown options and lists the tokens when they are few', () => {
    expect(type.parse('urgent', severity, ctx)).toEqual({
      ok: false,
      error: 'unknown option: "urgent" (expected one of: critical, major, minor)',
    });
    expect(type.parse(['critical'], severity, ctx)).toEqual({ ok: false, error: 'not an option: an array' });
    expect(type.parse(true, severity, ctx).ok).toBe(false);
  });

  it('does not list long option lists in errors', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ value: `o${i}`, label: { 'zh-CN': `选项${i}`, en: `Option ${i}` } }));
    expect(type.parse('nope', { ...severity, rules: { options } }, ctx)).toEqual({ ok: false, error: 'unknown option: "nope"' });
  });

  it('reads numbers as their text (a band typed as 78 is not n78)', () => {
    const band: FieldDefinition = { ...severity, rules: { options: [{ value: '5', label: { 'zh-CN': '五', en: 'Five' } }] } };
    expect(type.parse(5, band, ctx)).toEqual({ ok: true, value: '5' });
  });

  it('reads blank as null', () => {
    expect(type.parse(null, severity, ctx)).toEqual({ ok: true, value: null });
  });

  it('builds a oneOf schema titled in the locale', () => {
    expect(type.schema(severity, 'zh-CN')).toEqual({
      type: 'string',
      oneOf: [
        { const: 'critical', title: '紧急' },
        { const: 'major', title: '重要' },
        { const: 'minor', title: '一般' },
      ],
    });
    expect(type.schema(severity, 'en')).toMatchObject({ oneOf: [{ const: 'critical', title: 'Critical' }, {}, {}] });
    expect(type.uiSchema(severity, 'en')).toEqual({});
  });

  it('checks that options can be told apart', () => {
    expect(type.checkRules!(severity.rules!)).toEqual([]);
    const repeated = { options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { value: 'a', label: { 'zh-CN': '乙', en: 'B' } }] };
    expect(type.checkRules!(repeated)).toEqual(['option values must be unique: "a" repeats.']);
    const sharedLabel = { options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { value: 'b', label: { 'zh-CN': '甲', en: 'B' } }] };
    expect(type.checkRules!(sharedLabel)).toEqual(['options "a" and "b" share the name "甲".']);
    const labelIsToken = { options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { value: 'b', label: { 'zh-CN': '乙', en: 'a' } }] };
    expect(type.checkRules!(labelIsToken)).toHaveLength(1);
  });

  it('formats as the label in the locale', () => {
    expect(type.format('critical', severity, 'zh-CN')).toBe('紧急');
    expect(type.format('critical', severity, 'en')).toBe('Critical');
    expect(type.format('retired', severity, 'en')).toBe('retired');
    expect(type.format(null as unknown as string, severity, 'en')).toBeNull();
  });
});
