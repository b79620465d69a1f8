import type { FieldDefinition } from '../types';
import { phoneFieldType as type } from './phone';

const ctx = { timeZone: 'Asia/Shanghai' };
const field: FieldDefinition = { key: 'reporter_phone', type: 'phone', label: { 'zh-CN': '联系电话', en: 'Contact phone' } };

describe('phone field type', () => {
  it.each([
    '13812345678',
    13812345678,
    ' 138 1234 5678 ',
    '138-1234-5678',
    '138.1234.5678',
    '(138)12345678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '+8613812345678',
    '008613812345678',
    '8613812345678',
    '（＋８６）１３８１２３４５６７８',
    '１３８\u3000１２３４\u3000５６７８',
  ])('reads %p', (input) => {
    expect(type.parse(input, field, ctx)).toEqual({ ok: true, value: '13812345678' });
  });

  it.each(['12812345678', '1381234567', '138123456789', '010-12345678', '+85213812345678', '+1 13812345678', 'abc', '138-1234-567x'])(
    'refuses %p',
    (input) => {
      expect(type.parse(input, field, ctx)).toEqual({ ok: false, error: `not a CN mobile number: ${JSON.stringify(input)}` });
    },
  );

  it('refuses non-text values and reads blank as null', () => {
    expect(type.parse(1.5, field, ctx).ok).toBe(false);
    expect(type.parse(true, field, ctx).ok).toBe(false);
    expect(type.parse('', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('has a fixed pattern, a tel input and no rules', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'string', pattern: '^1[3-9]\\d{9}$' });
    expect(type.uiSchema(field, 'en')).toEqual({ 'ui:inputType': 'tel' });
    expect(type.checkRules).toBeUndefined();
  });

  it('formats as is', () => {
    expect(type.format('13812345678', field, 'en')).toBe('13812345678');
  });
});
