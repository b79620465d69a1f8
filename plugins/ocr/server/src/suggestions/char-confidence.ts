import type { OcrLineInput } from './types';

// The characters that carry a value: letters (any script, CJK included) and digits.
const CONTENT = /^[\p{L}\p{N}]$/u;

/**
 * The weakest per-character confidence of the code points `[start, end)` of a line — the
 * characters a value was read from, its label left out. Only letters and digits count: the
 * recogniser is often unsure of spaces, colons and commas (`2025/01/2009:13:32`, whose lost space
 * leaves its colons at 0.5), which a misread does not turn into another value. Null when the line has
 * no usable `charConfidences` (a result stored before the OCR service returned them, or one
 * whose list does not match its text code point for code point), or no character in the span.
 */
export function weakestChar(line: OcrLineInput, start: number, end: number): number | null {
  const confidences = line.charConfidences;
  const chars = Array.from(line.text);
  if (!Array.isArray(confidences) || confidences.length !== chars.length) return null;
  let weakest = Infinity;
  for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
    if (!CONTENT.test(chars[i])) continue;
    const c = confidences[i];
    if (typeof c !== 'number' || !Number.isFinite(c)) return null;
    weakest = Math.min(weakest, c);
  }
  return weakest === Infinity ? null : Math.min(1, Math.max(0, weakest));
}
