/** Characters Excel, Word and OCR leave in cells that nobody can see (zero-width spaces, BOM). */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** NFKC-normalises text (full-width digits and letters, ideographic space), drops invisible characters, trims. */
export function normalizeText(text: string): string {
  // printable ASCII is its own NFKC form and holds no invisible character (most cells of an import)
  if (PRINTABLE_ASCII.test(text)) return text.trim();
  return text.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** True for input that means "no value": undefined, null, or a string of only whitespace. */
export function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && normalizeText(input) === '');
}

const MAX_QUOTED = 40;

/** The input as an error message shows it: strings quoted and cut short, objects named by kind. */
export function quoteInput(input: unknown): string {
  if (typeof input === 'string') {
    const cut = input.length > MAX_QUOTED ? `${input.slice(0, MAX_QUOTED)}…` : input;
    return JSON.stringify(cut);
  }
  if (typeof input === 'number' || typeof input === 'bigint' || typeof input === 'boolean') return String(input);
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
  if (Array.isArray(input)) return 'an array';
  return input === null ? 'null' : `a value of type ${typeof input}`;
}
