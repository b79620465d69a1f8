import type { ParseResult } from '../types';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/**
 * Reads text from a string or number (Excel gives `387` for a cell typed as text elsewhere).
 * NFKC and trimmed; `multiline` keeps inner line breaks (as `\n`), otherwise they stay as typed.
 */
export function parseLooseString(input: unknown, multiline: boolean): ParseResult<string> {
  if (isBlank(input)) return ok(null);
  if (typeof input === 'number') return Number.isFinite(input) ? ok(String(input)) : fail(`not text: ${quoteInput(input)}`);
  if (typeof input === 'bigint') return ok(String(input));
  if (typeof input !== 'string') return fail(`not text: ${quoteInput(input)}`);
  const text = normalizeText(input);
  return ok(multiline ? text.replace(/\r\n?/g, '\n') : text);
}
