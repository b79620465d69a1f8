import type { ExportColumn } from './columns';
import { stateLabel } from './labels';
import type { ListedTicket, Locale } from './ticketing-slice';

/**
 * One exported value: its text as the field type formats it (CSV, Word) and, for the workbook,
 * what kind of cell it is. Moments carry their wall clock in the platform zone as the UTC
 * fields of a Date, as exceljs (and the import) read Excel dates.
 */
export type ExportCell =
  | { kind: 'empty'; text: '' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'moment'; date: Date; withTime: boolean; text: string };

const EMPTY: ExportCell = { kind: 'empty', text: '' };
// The formatted text of dates and date-times (and the API's ISO timestamps): the wall clock in the platform zone.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** A day or moment as a cell: the wall clock of `text`; plain text when it is not one. */
function momentCell(text: string, withTime: boolean): ExportCell {
  const m = WALL_CLOCK.exec(text);
  if (!m) return { kind: 'text', text };
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), withTime ? Number(h) : 0, withTime ? Number(mi) : 0, withTime ? Number(s) : 0));
  const shown = withTime ? `${y}-${mo}-${d} ${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${s.padStart(2, '0')}` : `${y}-${mo}-${d}`;
  return { kind: 'moment', date, withTime, text: shown };
}

/**
 * The cell of `column` for `ticket`. Form values go through their field type's `format`; the
 * type's filter input says which values are days or moments (its range control), so no table
 * of type names is kept here. Numbers stay numbers; everything else is text.
 */
export function cellOf(column: ExportColumn, ticket: ListedTicket, locale: Locale): ExportCell {
  if (column.source === 'meta') {
    switch (column.key) {
      case 'id':
        return { kind: 'text', text: ticket.documentId };
      case 'status':
        return { kind: 'text', text: stateLabel(ticket.status, locale) };
      case 'creator':
        return ticket.creator?.username ? { kind: 'text', text: ticket.creator.username } : EMPTY;
      case 'createdAt':
        return momentCell(ticket.createdAt, true);
      case 'updatedAt':
        return momentCell(ticket.updatedAt, true);
    }
  }
  const value = ticket.form[column.key];
  if (value === null || value === undefined) return EMPTY;
  const formatted = column.type.format(value, column.field, locale);
  if (formatted === null || formatted === '') return EMPTY;
  if (typeof formatted === 'number') return Number.isFinite(formatted) ? { kind: 'number', value: formatted, text: String(formatted) } : EMPTY;
  const text = String(formatted);
  if (column.type.filterInput === 'day-range') return momentCell(text, false);
  if (column.type.filterInput === 'moment-range') return momentCell(text, true);
  return { kind: 'text', text };
}

/**
 * Whether a spreadsheet would take this text for a formula (OWASP's CSV injection list: `=`,
 * `+`, `-`, `@`, and tab or carriage return before one of them).
 */
export const looksLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);
