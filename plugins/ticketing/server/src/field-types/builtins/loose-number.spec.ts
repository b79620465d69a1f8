import { parseLooseNumber } from './loose-number';

describe('parseLooseNumber', () => {
  it.each([
    [387, 387],
    [-3.5, -3.5],
    ['387', 387],
    [' 387 ', 387],
    ['１２３', 123],
    ['121.47°', 121.47],
    ['121.47 °', 121.47],
    ['121.5度', 121.5],
    ['30m', 30],
    ['30 米', 30],
    ['1.5km', 1.5],
    ['3公里', 3],
    ['3500MHz', 3500],
    ['3.5 GHz', 3.5],
    ['-90dBm', -90],
    ['12dB', 12],
    ['50%', 50],
    ['6个', 6],
    ['3根', 3],
    ['2副', 2],
    ['3面', 3],
    ['1台', 1],
    ['1座', 1],
    ['2套', 2],
    ['30分钟', 30],
    ['45 min', 45],
    ['-3.5', -3.5],
    ['−180', -180],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['+5', 5],
    ['.5', 0.5],
    ['-0', 0],
    ['\u3000４２\u3000', 42],
  ])('reads %p as %p', (input, expected) => {
    expect(parseLooseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['12a', 'abc', '1.2.3', 'NaN', 'Infinity', '-Infinity', '0x1F', '1e5', '1,23', '12,34,567', '5.', '+', '°', '12 34', '121.47°E'])(
    'refuses %p',
    (input) => {
      expect(parseLooseNumber(input)).toEqual({ ok: false, error: `not a number: ${JSON.stringify(input)}` });
    },
  );

  it('refuses non-finite numbers and non-numeric values', () => {
    expect(parseLooseNumber(NaN)).toEqual({ ok: false, error: 'not a number: NaN' });
    expect(parseLooseNumber(Infinity).ok).toBe(false);
    expect(parseLooseNumber(true).ok).toBe(false);
    expect(parseLooseNumber({}).ok).toBe(false);
    expect(parseLooseNumber([1]).ok).toBe(false);
  });

  it('reads blank input as null', () => {
    for (const blank of [undefined, null, '', '  ', '\u3000']) expect(parseLooseNumber(blank)).toEqual({ ok: true, value: null });
  });
});
