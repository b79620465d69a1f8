import { DateTime } from 'luxon';
import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { rulesObjectSchema } from './field-rules';
import { formatZonedMoment, parseZonedDateTime } from './loose-date-time';
import { isBlank } from './loose-text';
import { fail, ok } from './parse-result';

/** How a date-time is exported: the wall clock of its own offset. */
const EXPORTED_DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';
// The stored shape (what `parse` writes): its wall clock is the text itself, no zone arithmetic needed.
const STORED_SHAPE = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))T((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)[+-](?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * A moment, stored as ISO 8601 in the platform zone (`2026-11-30T08:15:00+08:00`); input without
 * an offset is wall-clock time in that zone, input with one is converted into it.
 */
export const dateTimeFieldType: FieldType<string> = {
  name: 'date-time',
  label: { 'zh-CN': '日期时间', en: 'Date and time' },
  rulesSchema: rulesObjectSchema({}),
  schema: () => ({ type: 'string', format: 'date-time' }),
  uiSchema: () => ({ 'ui:widget': 'date-time' }),
  parse: (input, _field, ctx) => {
    if (isBlank(input)) return ok(null);
    const zoned = parseZonedDateTime(input, ctx.timeZone);
    return zoned.ok ? ok(formatZonedMoment(zoned.value)) : fail(zoned.error);
  },
  format: (value) => {
    if (typeof value !== 'string') return null;
    const stored = STORED_SHAPE.exec(value);
    if (stored) return `${stored[1]} ${stored[2]}`;
    // setZone keeps the stored offset: the value already is in the platform zone.
    const parsed = DateTime.fromISO(value, { setZone: true });
    return parsed.isValid ? parsed.toFormat(EXPORTED_DATE_TIME_FORMAT) : value;
  },
  valueKind: valueKinds.moment,
  filterInput: 'moment-range',
  freeText: false,
  examples: { rules: {}, values: ['2026-11-30T08:15:00+08:00', '2027-01-01T00:00:00+08:00'], invalid: 'yesterday' },
};
