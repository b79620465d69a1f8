import type { ExportColumn, MetaColumn } from './columns';
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
const FULL_WALL_CLOCK = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** The number written in `text` from `from` to `to` (ASCII digits only, checked by the caller's pattern). */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** A day or moment as a cell: the wall clock of `text`; plain text when it is not one. */
function momentCell(text: string, withTime: boolean): ExportCell {
  if (FULL_WALL_CLOCK.test(text)) {
    // every stored timestamp and formatted date-time: read by position, no match arrays (an export makes 300,000 of these)
    const [y, mo, d] = [digitsAt(text, 0, 4), digitsAt(text, 5, 7) - 1, digitsAt(text, 8, 10)];
    const date = withTime ? new Date(Date.UTC(y, mo, d, digitsAt(text, 11, 13), digitsAt(text, 14, 16), digitsAt(text, 17, 19))) : new Date(Date.UTC(y, mo, d));
    return { kind: 'moment', date, withTime, text: momentText(text, withTime) };
  }
  const m = WALL_CLOCK.exec(text);
  if (!m) return { kind: 'text', text };
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), withTime ? Number(h) : 0, withTime ? Number(mi) : 0, withTime ? Number(s) : 0));
  const shown = withTime ? `${y}-${mo}-${d} ${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${s.padStart(2, '0')}` : `${y}-${mo}-${d}`;
  return { kind: 'moment', date, withTime, text: shown };
}

/** A day or moment as text: the wall clock of `text` (`yyyy-MM-dd[ HH:mm:ss]`); `text` itself when it is not one. */
function momentText(text: string, withTime: boolean): string {
  // the shape of every stored timestamp and formatted date-time (`2026-11-30T08:15:00…`): cut, not parsed
  if (FULL_WALL_CLOCK.test(text)) return withTime ? `${text.slice(0, 10)} ${text.slice(11, 19)}` : text.slice(0, 10);
  const m = WALL_CLOCK.exec(text);
  if (!m) return text;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  return withTime ? `${y}-${mo}-${d} ${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${s.padStart(2, '0')}` : `${y}-${mo}-${d}`;
}

/** A form value as its field type formats it: a number, text, or null for nothing to show. */
function formattedValue(column: ExportColumn & { source: 'field' }, ticket: ListedTicket, locale: Locale): string | number | null {
  const value = ticket.form[column.key];
  if (value === null || value === undefined) return null;
  const formatted = column.type.format(value, column.field, locale);
  if (formatted === null || formatted === '') return null;
  if (typeof formatted === 'number') return Number.isFinite(formatted) ? formatted : null;
  return String(formatted);
}

/** The text of a ticket's meta column; `moment` says whether it is a date-time to show as one. */
function metaText(key: MetaColumn, ticket: ListedTicket, locale: Locale): { text: string; moment: boolean } {
  switch (key) {
    case 'status':
      return { text: stateLabel(ticket.status, locale), moment: false };
    case 'creator':
      return { text: ticket.creator?.username ?? '', moment: false };
    case 'createdAt':
      return { text: ticket.createdAt, moment: true };
    case 'updatedAt':
      return { text: ticket.updatedAt, moment: true };
    case 'id':
      return { text: ticket.documentId, moment: false };
  }
}

/**
 * The cell of `column` for `ticket`. Form values go through their field type's `format`; the
 * type's filter input says which values are days or moments (its range control), so no table
 * of type names is kept here. Numbers stay numbers; everything else is text.
 */
export function cellOf(column: ExportColumn, ticket: ListedTicket, locale: Locale): ExportCell {
  if (column.source === 'meta') {
    const { text, moment } = metaText(column.key, ticket, locale);
    return moment ? momentCell(text, true) : text ? { kind: 'text', text } : EMPTY;
  }
  const formatted = formattedValue(column, ticket, locale);
  if (formatted === null) return EMPTY;
  if (typeof formatted === 'number') return { kind: 'number', value: formatted, text: String(formatted) };
  if (column.type.filterInput === 'day-range') return momentCell(formatted, false);
  if (column.type.filterInput === 'moment-range') return momentCell(formatted, true);
  return { kind: 'text', text: formatted };
}

/** The text of `column` for `ticket`, as `cellOf(…).text` but without making the cell (CSV writes only text). */
export function textOf(column: ExportColumn, ticket: ListedTicket, locale: Locale): string {
  if (column.source === 'meta') {
    const { text, moment } = metaText(column.key, ticket, locale);
    return moment ? momentText(text, true) : text;
  }
  const formatted = formattedValue(column, ticket, locale);
  if (formatted === null) return '';
  if (typeof formatted === 'number') return String(formatted);
  if (column.type.filterInput === 'day-range') return momentText(formatted, false);
  if (column.type.filterInput === 'moment-range') return momentText(formatted, true);
  return formatted;
}

/**
 * Whether a spreadsheet would take this text for a formula (OWASP's CSV injection list: `=`,
 * `+`, `-`, `@`, and tab or carriage return before one of them).
 */
export const looksLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);
