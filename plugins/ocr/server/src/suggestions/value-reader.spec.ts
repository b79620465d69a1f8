import { createValueReader } from './value-reader';
import { builtinReader } from './spec-support';
import type { FieldReader, SuggestionField } from './types';

const field: SuggestionField = { key: 'n', type: 'integer', label: { 'zh-CN': '数', en: 'N' }, rules: { minimum: 0, maximum: 100 } };
const integerReader: Pick<FieldReader, 'parse' | 'check'> = {
  parse: (_field, raw) => {
    const text = String(raw).trim();
    return /^\d+$/.test(text) ? { ok: true, value: Number(text) } : text === '' ? { ok: true, value: null } : { ok: false, error: `not an integer: ${text}` };
  },
  check: (_field, value) => ((value as number) > 100 ? 'too big' : null),
};

describe('createValueReader', () => {
  it('reads a value with the field type parse', () => {
    expect(createValueReader(integerReader)(field, '42')).toEqual({ status: 'ok', value: 42, repaired: false });
  });

  it('says blank for a value the parse reads as nothing', () => {
    expect(createValueReader(integerReader)(field, ' ')).toEqual({ status: 'blank' });
  });

  it('refuses a value its check refuses, with the check message', () => {
    expect(createValueReader(integerReader)(field, '420')).toEqual({ status: 'error', error: 'too big' });
  });

  it('refuses values outside the field rules with the registry check (ajv, localised)', () => {
    const read = createValueReader(builtinReader);
    expect(read(field, '420')).toEqual({ status: 'error', error: '应当为 <= 100' });
    const site: SuggestionField = { key: 's', type: 'string', label: { 'zh-CN': '站', en: 'S' }, rules: { maxLength: 3, pattern: '^GD' } };
    expect(read(site, '基站名称')).toMatchObject({ status: 'error', error: expect.stringMatching(/3/) });
    expect(read(site, 'XX')).toMatchObject({ status: 'error', error: expect.stringMatching(/\^GD/) });
    expect(read(site, 'GD1')).toEqual({ status: 'ok', value: 'GD1', repaired: false });
  });

  it('tries OCR repairs after a refusal, and marks the value repaired', () => {
    expect(createValueReader(integerReader)(field, '4l')).toEqual({ status: 'ok', value: 41, repaired: true });
    expect(createValueReader(integerReader)(field, 'abc')).toEqual({ status: 'error', error: 'not an integer: abc' });
  });

  it('asks the parse once per field and text', () => {
    const parse = jest.fn(integerReader.parse);
    const read = createValueReader({ ...integerReader, parse });
    read(field, '7');
    read(field, '7');
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('turns a parse or a check that throws into a refusal', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(createValueReader({ ...integerReader, parse: boom })(field, '7')).toEqual({ status: 'error', error: 'boom' });
    expect(createValueReader({ ...integerReader, check: boom })(field, '7')).toEqual({ status: 'error', error: 'boom' });
  });
});
