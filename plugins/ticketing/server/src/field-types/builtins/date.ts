import { valueKinds } from '../value-kinds';
import type { FieldType, ParseResult } from '../types';
import { dateToWallClock, excelSerialToWallClock, type WallClock } from './excel-serial';
import { rulesObjectSchema } from './field-rules';
import { formatIsoDate, isCalendarDate, splitDateText } from './loose-date';
import { parseZonedDateTime } from './loose-date-time';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

// Only a full ISO date-time may carry a time into a date field; it is an instant to place in the zone.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/i;

function fromWallClock(wall: WallClock | null, input: unknown): ParseResult<string> {
  return wall ? ok(formatIsoDate(wall)) : fail(`not a valid date: ${quoteInput(input)}`);
}

function fromText(input: string, timeZone: string): ParseResult<string> {
  const text = normalizeText(input);
  if (ISO_DATE_TIME.test(text)) {
    const zoned = parseZonedDateTime(text, timeZone);
    return zoned.ok ? ok(formatIsoDate(zoned.value.wall)) : fail(`not a valid date: ${quoteInput(input)}`);
  }
  const split = splitDateText(text);
  if (!split) return fail(`not a date: ${quoteInput(input)}`);
  if (split.rest !== '') return fail(`a date must not have a time: ${quoteInput(input)}`);
  if (!isCalendarDate(split.date)) return fail(`not a valid date: ${quoteInput(input)}`);
  return ok(formatIsoDate(split.date));
}

/** A calendar day, stored as `YYYY-MM-DD`; reads Excel dates and serials, 2026/11/30, 2026年11月30日, 20261130. */
export const dateFieldType: FieldType<string> = {
  name: 'date',
  label: { 'zh-CN': '日期', en: 'Date' },
  rulesSchema: rulesObjectSchema({}),
  schema: () => ({ type: 'string', format: 'date' }),
  uiSchema: () => ({ 'ui:widget': 'date' }),
  parse: (input, _field, ctx) => {
    if (isBlank(input)) return ok(null);
    // exceljs Dates carry the sheet's wall clock in their UTC fields; a date cell's time is dropped.
    if (input instanceof Date) return fromWallClock(dateToWallClock(input), input);
    if (typeof input === 'number') return fromWallClock(excelSerialToWallClock(input, false), input);
    if (typeof input === 'string') return fromText(input, ctx.timeZone);
    return fail(`not a date: ${quoteInput(input)}`);
  },
  format: (value) => value ?? null,
  valueKind: valueKinds.moment,
  filterInput: 'day-range',
  freeText: false,
  examples: { rules: {}, values: ['2024-02-29', '2026-11-30'], invalid: '2026-13-01' },
};
