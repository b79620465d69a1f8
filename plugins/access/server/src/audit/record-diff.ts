import { isDeepStrictEqual } from 'node:util';

/** A field-level diff `{ field: [before, after] }`, as audit entries keep it; absent values are `null`. */
export type RecordDiff = Record<string, [unknown, unknown]>;

/** The fields whose values differ between two versions of a record (null: it did not exist). */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null): RecordDiff {
  const diff: RecordDiff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (!isDeepStrictEqual(a, b)) diff[key] = [a, b];
  }
  return diff;
}
