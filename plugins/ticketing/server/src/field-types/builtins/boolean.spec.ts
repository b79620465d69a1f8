import type { FieldDefinition } from '../types';
import { booleanFieldType as type } from './boolean';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'has_backup', type: 'boolean', label: { 'zh-CN': '有备电', en: 'Backup power' } };

describe('boolean field type', () => {
  it.each([true, 1, '1', 'true', 'TRUE', '是', '有', 'yes', 'Yes', 'y', 'Y', '√', '✓', 'on', 'ON', ' ｙｅｓ '])('reads %p as true', (input) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value: true });
  });

  it.each([false, 0, '0', 'false', 'False', '否', '无', 'no', 'NO', 'n', '×', '✗', 'off'])('reads %p as false', (input) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', 2, '是的', 'x', {}, []])('refuses %p', (input) => {
    const result = type.parse(input, field, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^not a yes\/no value: /);
  });

  it('reads blank as null', () => {
    expect(type.parse('', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('has a localised boolean schema shown as radio buttons', () => {
    expect(type.schema(field, 'zh-CN')).toEqual({
      type: 'boolean',
      oneOf: [{ const: true, title: '是' }, { const: false, title: '否' }],
    });
    expect(type.schema(field, 'en')).toMatchObject({ oneOf: [{ title: 'Yes' }, { title: 'No' }] });
    expect(type.uiSchema(field, 'en')).toEqual({ 'ui:widget': 'radio' });
  });

  it('formats as 是/否 or Yes/No', () => {
    expect(type.format(true, field, 'zh-CN')).toBe('是');
    expect(type.format(false, field, 'zh-CN')).toBe('否');
    expect(type.format(true, field, 'en')).toBe('Yes');
    expect(type.format(false, field, 'en')).toBe('No');
    expect(type.format(null as unknown as boolean, field, 'en')).toBeNull();
  });
});
