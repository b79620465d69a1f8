import type { FieldDefinition } from '../types';
import { textFieldType as type } from './text';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'description', type: 'text', label: { 'zh-CN': '故障描述', en: 'Description' }, rules: { maxLength: 2000 } };

describe('text field type', () => {
  it('keeps inner line breaks, normalises CRLF and trims the ends', () => {
    expect(type.parse('\r\n  第一行\r\n第二行\r第三行\n\n  ', field, ctx)).toEqual({ ok: true, value: '第一行\n第二行\n第三行' });
  });

  it('keeps full-width text and Chinese punctuation as typed, and reads numbers as text', () => {
    expect(type.parse('小区退服，传输告警（ＡＢＣ１２３）', field, ctx)).toEqual({ ok: true, value: '小区退服，传输告警（ＡＢＣ１２３）' });
    expect(type.parse(42, field, ctx)).toEqual({ ok: true, value: '42' });
  });

  it('reads blank as null and refuses objects', () => {
    expect(type.parse('\n\n', field, ctx)).toEqual({ ok: true, value: null });
    expect(type.parse({ text: 'x' }, field, ctx).ok).toBe(false);
  });

  it('renders as a textarea with the length rules', () => {
    expect(type.schema(field, 'zh-CN')).toEqual({ type: 'string', maxLength: 2000 });
    expect(type.uiSchema(field, 'zh-CN')).toEqual({ 'ui:widget': 'textarea' });
  });

  it('checks its rules', () => {
    expect(type.checkRules!({ maxLength: 2000 })).toEqual([]);
    expect(type.checkRules!({ minLength: 3, maxLength: 2 })).toHaveLength(1);
  });

  it('formats the value as is', () => {
    expect(type.format('a\nb', field, 'en')).toBe('a\nb');
  });
});
