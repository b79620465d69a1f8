import { DateTime, FixedOffsetZone } from 'luxon';
import { dateToWallClock, excelSerialToWallClock, type WallClock } from './excel-serial';
import { isCalendarDate, parseTimeText, splitDateText } from './loose-date';
import { normalizeText, quoteInput } from './loose-text';

/** A date-time read in a zone, or why it could not be read. */
export type ZonedResult = { ok: true; value: DateTime } | { ok: false; error: string };

/** True when luxon knows the zone (an IANA name, `UTC`, `UTC+8`). */
export function isKnownZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Places wall-clock fields in `zone`; refuses a time the zone skips at a DST change. */
function fromWallClock(wall: WallClock, zone: string, input: unknown): ZonedResult {
  const value = DateTime.fromObject(wall, { zone });
  if (!value.isValid) return { ok: false, error: `not a valid date-time: ${quoteInput(input)}` };
  // luxon moves a skipped time forward silently; storing a time nobody's clock showed would be wrong.
  if (value.hour !== wall.hour || value.minute !== wall.minute || value.day !== wall.day) {
    return { ok: false, error: `time does not exist in ${zone} (clock change): ${quoteInput(input)}` };
  }
  return { ok: true, value };
}

function fromText(input: string, zone: string): ZonedResult {
  const invalid: ZonedResult = { ok: false, error: `not a valid date-time: ${quoteInput(input)}` };
  const split = splitDateText(normalizeText(input));
  if (!split || !isCalendarDate(split.date)) return invalid;
  const time = split.rest === '' ? { hour: 0, minute: 0, second: 0 } : parseTimeText(split.rest);
  if (!time) return invalid;
  const wall = { ...split.date, hour: time.hour, minute: time.minute, second: time.second };
  if (time.offsetMinutes === undefined) return fromWallClock(wall, zone, input);
  // An explicit offset makes the text an instant: read it there, then show it in the platform zone.
  const instant = DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(time.offsetMinutes) });
  return instant.isValid ? { ok: true, value: instant.setZone(zone) } : invalid;
}

/**
 * Reads a loose date-time into `zone`: text with an offset is an instant; text without one,
 * an exceljs Date (UTC fields) or an Excel serial is wall-clock time in `zone`.
 */
export function parseZonedDateTime(input: unknown, zone: string): ZonedResult {
  if (!isKnownZone(zone)) return { ok: false, error: `unknown time zone: ${quoteInput(zone)}` };
  if (typeof input === 'string') return fromText(input, zone);
  const wall = input instanceof Date ? dateToWallClock(input)
    : typeof input === 'number' ? excelSerialToWallClock(input, true)
      : undefined;
  if (wall === undefined) return { ok: false, error: `not a date-time: ${quoteInput(input)}` };
  if (wall === null) return { ok: false, error: `not a valid date-time: ${quoteInput(input)}` };
  return fromWallClock(wall, zone, input);
}
