import type { CheckedRow, Mapping } from './import-types';

/** A column of the report table: a field some header feeds, titled by that header. */
export interface ReportColumn {
  header: string;
  field: string;
}

/** The fields the mapping imports, in the file's column order. */
export function reportColumns(mapping: Mapping): ReportColumn[] {
  return Object.entries(mapping)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([header, field]) => ({ header, field }));
}

/** A row's error messages by field; errors of no imported field (the whole row's) under `''`. */
export function errorsByField(row: CheckedRow, columns: ReportColumn[]): Map<string, string[]> {
  const known = new Set(columns.map((c) => c.field));
  const byField = new Map<string, string[]>();
  for (const error of row.errors) {
    const key = known.has(error.field) ? error.field : '';
    byField.set(key, [...(byField.get(key) ?? []), error.message]);
  }
  return byField;
}

/** A cell's value as text: what the row holds for the field (the file's text for a bad cell). */
export function cellText(row: CheckedRow, field: string): string {
  const value = row.data[field];
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The tickets a real import created, in row order: row number and ticket id. */
export function createdTickets(rows: CheckedRow[]): { row: number; ticket: string }[] {
  return rows.filter((r): r is CheckedRow & { ticket: string } => r.status === 'created' && !!r.ticket).map((r) => ({ row: r.row, ticket: r.ticket }));
}
