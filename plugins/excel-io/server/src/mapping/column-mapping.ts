import type { HeaderMatch, HeaderMatcher } from './header-matcher';

/** Where a column's field came from: the user's override, a saved mapping, or matching. */
export type MappingSource = 'override' | 'saved' | HeaderMatch['kind'] | 'none';

/** One column of the header row and what it maps to. */
export interface MappedColumn {
  /** 0-based column index. */
  index: number;
  letter: string;
  header: string;
  field: string | null;
  score: number;
  source: MappingSource;
  /** The best match when the column stays unmapped or lost its field to another column. */
  suggestion: HeaderMatch | null;
}

/** Overrides and saved choices, by the exact header text: a field key, or null to ignore the column. */
export type HeaderChoices = Record<string, string | null>;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Maps a header row's columns to fields, one field per column at most and one column per field:
 * the user's overrides first, then a saved mapping, then the strongest matches (earlier columns
 * win ties). Columns that match nothing, or only a field another column took, stay unmapped.
 */
export function mapColumns(headers: string[], matcher: HeaderMatcher, overrides: HeaderChoices = {}, saved: HeaderChoices = {}): MappedColumn[] {
  const columns: MappedColumn[] = headers.map((header, index) => ({
    index,
    letter: columnLetter(index),
    header,
    field: null,
    score: 0,
    source: 'none',
    suggestion: header.trim() ? matcher.match(header) : null,
  }));
  const taken = new Set<string>();
  const fixed = new Set<number>();
  for (const [choices, source] of [[overrides, 'override'], [saved, 'saved']] as const) {
    for (const column of columns) {
      if (fixed.has(column.index) || !(column.header in choices)) continue;
      const field = choices[column.header];
      if (field !== null && taken.has(field)) continue;
      fixed.add(column.index);
      column.source = source;
      column.field = field;
      column.score = 1;
      if (field !== null) taken.add(field);
    }
  }
  const ranked = columns
    .filter((c) => !fixed.has(c.index) && c.suggestion)
    .sort((a, b) => (b.suggestion?.score ?? 0) - (a.suggestion?.score ?? 0) || a.index - b.index);
  for (const column of ranked) {
    const match = column.suggestion as HeaderMatch;
    if (taken.has(match.field)) continue;
    taken.add(match.field);
    column.field = match.field;
    column.score = match.score;
    column.source = match.kind;
  }
  return columns;
}
