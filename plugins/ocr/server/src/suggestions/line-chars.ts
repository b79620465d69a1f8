/** What a character is, for finding labels and separators in a printed line. */
export type CharClass = 'space' | 'colon' | 'delim' | 'latin' | 'digit' | 'cjk' | 'other';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function classify(char: string): CharClass {
  // NFKC first: `：` is `:`, `，` is `,`, `１` is `1`, the ideographic space is a space.
  const c = char.normalize('NFKC');
  if (c.trim() === '') return 'space';
  const first = c[0];
  if (first === ':' || first === '=' || char === '∶') return 'colon';
  if (/[,;、|]/.test(first)) return 'delim';
  if (/\d/.test(first)) return 'digit';
  if (/\p{Script=Latin}/u.test(first)) return 'latin';
  if (CJK.test(first)) return 'cjk';
  return 'other';
}

/** A printed line as code points with a class each. */
export interface LineChars {
  chars: string[];
  classes: CharClass[];
}

/** Splits a line into code points and classifies each. */
export function lineChars(text: string): LineChars {
  const chars = Array.from(text);
  return { chars, classes: chars.map(classify) };
}

/**
 * True when a label may start or end at position `i`: not inside a Latin word (`lat` is not a
 * label inside `Latitude`) nor inside a number; everything else (CJK, punctuation, a change of
 * script or a space) is a boundary.
 */
export function isBoundary({ classes }: LineChars, i: number): boolean {
  if (i <= 0 || i >= classes.length) return true;
  const before = classes[i - 1];
  const after = classes[i];
  return !((before === 'latin' && after === 'latin') || (before === 'digit' && after === 'digit'));
}

// Bullets and numbering in front of a form line: `•`, `-`, `1.`, `2、`, `(3)`, `四、`.
const LIST_MARKER = /^\s*(?:[-*•·●○◆◇■□▪►>]+|\d{1,2}[.、)）](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*/u;

/** Where the content of a line starts, after a bullet or a list number. */
export function contentStart(text: string): number {
  const marker = LIST_MARKER.exec(text);
  return marker ? Array.from(marker[0]).length : Array.from(text).length - Array.from(text.trimStart()).length;
}
