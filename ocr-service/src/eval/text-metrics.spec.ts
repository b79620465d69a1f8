import { corpusCer, editDistance, normaliseForScoring, pageErrors } from './text-metrics';

describe('text metrics', () => {
  it('normalises NFKC (full-width colon) and strips whitespace', () => {
    expect(normaliseForScoring('电话： 177 3255')).toBe('电话:1773255');
  });
  it('counts edits over code points', () => {
    expect(editDistance('韩国小馆', '韩国小馆')).toBe(0);
    expect(editDistance('韩国小馆', '韩国馆')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('scores pages on the reading-order concatenation and pools a corpus', () => {
    const a = pageErrors(['频段：n77', '频点：660717'], ['频段:n77', '频点:66O717']);
    expect(a).toEqual({ edits: 1, length: 15 });
    expect(corpusCer([a, { edits: 0, length: 5 }])).toBeCloseTo(1 / 20);
  });
});
