/** NFKC-normalises and strips all whitespace, as the ocr-dev corpus scores text. */
export function normaliseForScoring(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Levenshtein distance over Unicode code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Array<number>(y.length + 1);
  let cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Edits and reference length for a page: reading-order concatenation of the lines. */
export function pageErrors(truthLines: readonly string[], predictedLines: readonly string[]): { edits: number; length: number } {
  const ref = normaliseForScoring(truthLines.join(''));
  const hyp = normaliseForScoring(predictedLines.join(''));
  return { edits: editDistance(ref, hyp), length: Array.from(ref).length };
}

/** Character error rate over several pages: total edits / total reference characters. */
export function corpusCer(pages: readonly { edits: number; length: number }[]): number {
  const edits = pages.reduce((s, p) => s + p.edits, 0);
  const length = pages.reduce((s, p) => s + p.length, 0);
  return length > 0 ? edits / length : 0;
}
