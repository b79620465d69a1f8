import type { ParseResult } from '../types';

/** A successful parse; `null` means the input was blank. */
export function ok<V>(value: V | null): ParseResult<V> {
  return { ok: true, value };
}

/** A failed parse with a short English message. */
export function fail<V = never>(error: string): ParseResult<V> {
  return { ok: false, error };
}
