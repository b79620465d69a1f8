import { isDeepStrictEqual } from 'node:util';

/** A field-level diff `{ field: [before, after] }`; absent values are `null`. */
export type FormDiff = Record<string, [unknown, unknown]>;

/** The fields whose values differ between two forms. */
export function diffForms(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FormDiff {
  const diff: FormDiff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (!isDeepStrictEqual(a, b)) diff[key] = [a, b];
  }
  return diff;
}
