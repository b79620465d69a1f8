/** A decoded line: text and the mean probability of its emitted characters. */
export interface DecodedText {
  text: string;
  confidence: number;
}

/**
 * Greedy CTC decoding of one sequence of class probabilities (`steps × classes`, row-major,
 * starting at `offset`): arg-max per step, merge repeats, drop blanks (class 0). Confidence is
 * the mean of the kept steps' max probabilities (PaddleOCR's `CTCLabelDecode`). Pure.
 */
export function ctcDecode(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  characters: readonly string[],
): DecodedText {
  let text = '';
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
      text += characters[best] ?? '';
      sum += bestP;
      kept++;
    }
    prev = best;
  }
  return { text, confidence: kept > 0 ? sum / kept : 0 };
}
