import { createValueReader } from './value-reader';
import type { ParseFn, SuggestionField } from './types';

const field: SuggestionField = { key: 'n', type: 'integer', label: { en: 'N' }, rules: { minimum: 0, maximum: 100 } };
const integerParse: ParseFn = (_field, raw) =>
  /^\d+$/.test(raw.trim()) ? { ok: true, value: Number(raw) } : raw.trim() === '' ? { ok: true, value: null } : { ok: false, error: `not an integer: ${raw}` };

describe('createValueReader', () => {
  it('reads a value with the field type parse', () => {
    expect(createValueReader(integerParse)(field, '42')).toEqual({ status: 'ok', value: 42, repaired: false });
  });

  it('says blank for a value the parse reads as nothing', () => {
    expect(createValueReader(integerParse)(field, ' ')).toEqual({ status: 'blank' });
  });

  it('refuses a value outside the field rules', () => {
    expect(createValueReader(integerParse)(field, '420')).toEqual({ status: 'error', error: 'above the maximum 100: 420' });
  });

  it('tries OCR repairs after a refusal, and marks the value repaired', () => {
    expect(createValueReader(integerParse)(field, '4l')).toEqual({ status: 'ok', value: 41, repaired: true });
    expect(createValueReader(integerParse)(field, 'abc')).toEqual({ status: 'error', error: 'not an integer: abc' });
  });

  it('asks the parse once per field and text', () => {
    const parse = jest.fn(integerParse);
    const read = createValueReader(parse);
    read(field, '7');
    read(field, '7');
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('turns a parse that throws into a refusal', () => {
    const read = createValueReader(() => {
      throw new Error('boom');
    });
    expect(read(field, '7')).toEqual({ status: 'error', error: 'boom' });
  });
});
