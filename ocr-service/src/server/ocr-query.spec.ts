import { HttpError } from './http-errors';
import { parseOcrQuery } from './ocr-query';

describe('parseOcrQuery', () => {
  it('parses the three options', () => {
    expect(parseOcrQuery({ minConfidence: '0.8', cls: 'true', maxSide: '960' })).toEqual({
      minConfidence: 0.8,
      cls: true,
      maxSide: 960,
    });
    expect(parseOcrQuery({ cls: '0' })).toEqual({ cls: false });
    expect(parseOcrQuery({})).toEqual({});
  });
  it('takes the last of repeated keys', () => {
    expect(parseOcrQuery({ cls: ['true', 'false'] })).toEqual({ cls: false });
  });
  it.each([{ minConfidence: '1.5' }, { minConfidence: '' }, { cls: 'yes please' }, { maxSide: '960.5' }, { maxSide: '8192' }])(
    'refuses %j with a 400',
    (q) => {
      expect(() => parseOcrQuery(q)).toThrow(HttpError);
      try {
        parseOcrQuery(q);
      } catch (e) {
        expect((e as HttpError).statusCode).toBe(400);
      }
    },
  );
});
