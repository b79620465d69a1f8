/** A decoded line: text, the mean probability of its emitted characters, and each one's. */
export interface DecodedText {
  text: string;
  confidence: number;
  /**
   * Probability of each emitted character, one entry per code point of `text` (a dictionary
   * entry of several code points repeats its probability), so callers can find the weakest one.
   */
  charConfidences: number[];
}

/**
 * Greedy CTC decoding of one sequence of class probabilities (`steps × classes`, row-major,
 * starting at `offset`): arg-max per step, merge repeats, drop blanks (class 0). A character's
 * confidence is the max probability of its first step; the line's is their mean (PaddleOCR's
 * `CTCLabelDecode`). Pure.
 */
export function ctcDecode(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  characters: readonly string[],
): DecodedText {
  let text = '';
  const charConfidences: number[] = [];
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row];
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = characters[best] ?? '';
      text += ch;
      for (let k = Array.from(ch).length; k > 0; k--) charConfidences.push(bestP);
      sum += bestP;
      kept++;
    }
    prev = best;
  }
  return { text, confidence: kept > 0 ? sum / kept : 0, charConfidences };
}
