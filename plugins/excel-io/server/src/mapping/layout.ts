import type { FieldDefinition } from '../clients/ticketing-plugin';
import { cellText } from '../reading/cell-value';
import type { SheetRow } from '../reading/xlsx-rows';
import type { HeaderMatcher } from './header-matcher';

/** Rows looked at for the header: title rows, notes and blank rows may sit above it. */
export const HEADER_SEARCH_ROWS = 30;
// fewer named columns than this is not a header row
const MIN_HEADER_FIELDS = 2;

/** The header row of a sheet for one ticket type, and how well its cells name the type's fields. */
export interface HeaderGuess {
  row: number;
  headers: string[];
  /** Sum of the best match score per field named in the row. */
  matched: number;
  fields: string[];
  /** 0–1: share of the row's cells that name a field, times the share of required fields present. */
  fit: number;
}

/** The row among the first rows whose cells name the most of the type's fields (the earliest on a tie). */
export function findHeaderRow(rows: SheetRow[], matcher: HeaderMatcher, fields: FieldDefinition[]): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const headers = row.cells.map((c) => (typeof c === 'string' ? c : c === null ? '' : cellText(c)));
    const perField = new Map<string, number>();
    for (const header of headers) {
      const match = header.trim() ? matcher.match(header) : null;
      if (match) perField.set(match.field, Math.max(perField.get(match.field) ?? 0, match.score));
    }
    if (perField.size < MIN_HEADER_FIELDS) continue;
    const matched = [...perField.values()].reduce((a, b) => a + b, 0);
    if (best && matched <= best.matched) continue;
    const required = fields.filter((f) => f.required);
    const requiredShare = required.length ? required.filter((f) => perField.has(f.key)).length / required.length : 1;
    const nonEmpty = headers.filter((h) => h.trim()).length;
    const fit = Math.round((matched / Math.max(nonEmpty, perField.size)) * requiredShare * 100) / 100;
    best = { row: row.number, headers, matched, fields: [...perField.keys()], fit };
  }
  return best;
}
