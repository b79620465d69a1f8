import type { FieldReader, SuggestionField } from './types';
import { repairVariants } from './value-repair';

/** A raw value read for a field: its canonical value, nothing (blank), or why the field refuses it. */
export type ValueReading =
  | { status: 'ok'; value: unknown; repaired: boolean }
  | { status: 'blank' }
  | { status: 'error'; error: string };

/**
 * Reads raw text with the field type's parse, then its check (the field's rules); when the text as read is
 * refused, OCR repairs (`nl` → `n1`, a lost space in a date-time) are tried, marked `repaired`.
 * Memoised per field and text: the same value is asked about while reading lines and again later.
 */
export function createValueReader<F extends SuggestionField>(reader: Pick<FieldReader<F>, 'parse' | 'check'>): (field: F, raw: string) => ValueReading {
  const cache = new Map<F, Map<string, ValueReading>>();
  const once = (field: F, raw: string): ValueReading => {
    try {
      const result = reader.parse(field, raw);
      if (!result.ok) return { status: 'error', error: result.error };
      if (result.value === null || result.value === undefined) return { status: 'blank' };
      const violation = reader.check(field, result.value);
      return violation ? { status: 'error', error: violation } : { status: 'ok', value: result.value, repaired: false };
    } catch (error) {
      // A field type (perhaps another plugin's) that throws on odd text refuses that text; the
      // other fields' suggestions still stand.
      return { status: 'error', error: error instanceof Error ? error.message : String(error) };
    }
  };
  return (field, raw) => {
    let byRaw = cache.get(field);
    if (!byRaw) cache.set(field, (byRaw = new Map()));
    const cached = byRaw.get(raw);
    if (cached) return cached;
    let reading = once(field, raw);
    if (reading.status === 'error') {
      for (const variant of repairVariants(raw)) {
        const repaired = once(field, variant);
        if (repaired.status === 'ok') {
          reading = { ...repaired, repaired: true };
          break;
        }
      }
    }
    byRaw.set(raw, reading);
    return reading;
  };
}
