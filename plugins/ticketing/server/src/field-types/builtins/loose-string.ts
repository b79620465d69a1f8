import type { ParseResult } from '../types';
import { INVISIBLE, isBlank, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/**
 * Reads text from a string or number (Excel gives `387` for a cell typed as text elsewhere).
 * Trimmed but otherwise kept as typed: full-width letters and Chinese punctuation are
 * content here (NFKC would turn `，` into `,`); matching code normalises its own copy.
 * `multiline` keeps inner line breaks (as `\n`).
 */
export function parseLooseString(input: unknown, multiline: boolean): ParseResult<string> {
  if (isBlank(input)) return ok(null);
  if (typeof input === 'number') return Number.isFinite(input) ? ok(String(input)) : fail(`not text: ${quoteInput(input)}`);
  if (typeof input === 'bigint') return ok(String(input));
  if (typeof input !== 'string') return fail(`not text: ${quoteInput(input)}`);
  const text = input.replace(INVISIBLE, '').trim();
  return ok(multiline ? text.replace(/\r\n?/g, '\n') : text);
}
