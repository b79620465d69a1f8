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
  });

  it('reads a sequence at an offset (one row of a batch)', () => {
    const probs = new Float32Array([...seq([[1, 0.9]]), ...seq([[2, 0.8], [0, 0.9]])]);
    expect(ctcDecode(probs, 4, 2, 4, chars).text).toBe('b');
  });

  it('gives empty text and zero confidence for all-blank output', () => {
    expect(ctcDecode(seq([[0, 0.9], [0, 0.9]]), 0, 2, 4, chars)).toEqual({ text: '', confidence: 0 });
  });
});
