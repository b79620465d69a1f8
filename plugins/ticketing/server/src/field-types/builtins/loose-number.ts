import type { ParseResult } from '../types';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/** Units people type after a number in 5G survey sheets; one trailing unit is dropped. */
export const NUMBER_UNITS = [
  '°', '度', 'km', '公里', 'm', '米', 'MHz', 'GHz', 'dBm', 'dB', '%', '个', '根', '副', '面', '台', '座', '套', '分钟', 'min',
] as const;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_SUFFIX = new RegExp(`\\s*(?:${NUMBER_UNITS.map(escapeRegExp).join('|')})$`, 'i');
// Look-alikes of the degree sign: NFKC would turn them into "o" or a combining ring.
const DEGREE_LOOKALIKES = /[\u00BA\u02DA\u2218]/g;
// Minus and dash look-alikes NFKC leaves alone (the spec itself writes "−180").
const MINUS_LOOKALIKES = /[\u2010-\u2015\u2212]/g;
// Plain decimal, optionally with comma thousands groups; no exponent, hex, NaN or Infinity.
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** Reads a number from a JS number or loose text (`"１２３"`, `"121.47°"`, `"30 米"`, `"1,234"`). */
export function parseLooseNumber(input: unknown): ParseResult<number> {
  if (isBlank(input)) return ok(null);
  if (typeof input === 'number') {
    return Number.isFinite(input) ? ok(input === 0 ? 0 : input) : fail(`not a number: ${quoteInput(input)}`);
  }
  if (typeof input === 'bigint') {
    const value = Number(input);
    return Number.isSafeInteger(value) ? ok(value) : fail(`number too large: ${quoteInput(input)}`);
  }
  if (typeof input !== 'string') return fail(`not a number: ${quoteInput(input)}`);

  const text = normalizeText(input.replace(DEGREE_LOOKALIKES, '°'))
    .replace(MINUS_LOOKALIKES, '-')
    .replace(UNIT_SUFFIX, '');
  if (!/\d/.test(text) || !NUMBER_TEXT.test(text)) return fail(`not a number: ${quoteInput(input)}`);
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return fail(`not a number: ${quoteInput(input)}`);
  return ok(value === 0 ? 0 : value);
}
