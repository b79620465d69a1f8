import { ctcDecode } from './ctc-decode';

describe('ctcDecode', () => {
  const chars = ['', 'a', 'b', ' '];
  /** One-hot-ish rows: class index with probability p, the rest share 1 − p. */
  const seq = (steps: [number, number][]) => {
    const out = new Float32Array(steps.length * chars.length);
    steps.forEach(([c, p], t) => {
      for (let k = 0; k < chars.length; k++) out[t * chars.length + k] = k === c ? p : (1 - p) / (chars.length - 1);
    });
    return out;
  };

  it('merges repeats, drops blanks, keeps a repeat separated by a blank', () => {
    const probs = seq([[1, 0.9], [1, 0.8], [0, 0.99], [1, 0.7], [2, 0.6], [3, 0.9], [2, 0.5]]);
    const r = ctcDecode(probs, 0, 7, chars.length, chars);
    expect(r.text).toBe('aab b');
    // Confidence averages the first step of each emitted character.
    expect(r.confidence).toBeCloseTo((0.9 + 0.7 + 0.6 + 0.9 + 0.5) / 5, 5);
    // One probability per character, aligned with the text's code points.
    expect(r.charConfidences.map((p) => Number(p.toFixed(5)))).toEqual([0.9, 0.7, 0.6, 0.9, 0.5]);
  });

  it('repeats the probability of a dictionary entry for each of its code points', () => {
    const wide = ['', '𠀀', 'ab'];
    const probs = new Float32Array([0.1, 0.8, 0.1, 0.2, 0.1, 0.7]);
    const r = ctcDecode(probs, 0, 2, 3, wide);
    expect(r.text).toBe('𠀀ab');
    expect(Array.from(r.text)).toHaveLength(r.charConfidences.length);
    expect(r.charConfidences.map((p) => Number(p.toFixed(5)))).toEqual([0.8, 0.7, 0.7]);
  });

  it('reads a sequence at an offset (one row of a batch)', () => {
    const probs = new Float32Array([...seq([[1, 0.9]]), ...seq([[2, 0.8], [0, 0.9]])]);
    expect(ctcDecode(probs, 4, 2, 4, chars).text).toBe('b');
  });

  it('gives empty text and zero confidence for all-blank output', () => {
    expect(ctcDecode(seq([[0, 0.9], [0, 0.9]]), 0, 2, 4, chars)).toEqual({ text: '', confidence: 0, charConfidences: [] });
  });
});
