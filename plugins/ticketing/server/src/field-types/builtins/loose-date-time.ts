import { DateTime } from 'luxon';
import { zoneOffsets } from 'strapi-plugin-access';
import { dateToWallClock, excelSerialToWallClock, type WallClock } from './excel-serial';
import { formatIsoDate, isCalendarDate, parseTimeText, splitDateText } from './loose-date';
import { normalizeText, quoteInput } from './loose-text';

/** A moment as a wall clock in a zone, with that zone's offset (minutes east of UTC) at the moment. */
export interface ZonedMoment {
  wall: WallClock;
  offset: number;
}

/** A date-time read in a zone, or why it could not be read. */
export type ZonedResult = { ok: true; value: ZonedMoment } | { ok: false; error: string };

const knownZones = new Map<string, boolean>();

/** True when luxon knows the zone (an IANA name, `UTC`, `UTC+8`). */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = DateTime.now().setZone(zone).isValid;
    knownZones.set(zone, known);
  }
  return known;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-ddTHH:mm:ss±hh:mm`: how a date-time is stored. */
export function formatZonedMoment({ wall, offset }: ZonedMoment): string {
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${formatIsoDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${zone}`;
}

/** The wall clock's fields as UTC milliseconds; null when they name no real time (a 25th hour, 30 February). */
function wallClockMs(wall: WallClock): number | null {
  const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  date.setUTCFullYear(wall.year);
  const same =
    date.getUTCFullYear() === wall.year && date.getUTCMonth() === wall.month - 1 && date.getUTCDate() === wall.day &&
    date.getUTCHours() === wall.hour && date.getUTCMinutes() === wall.minute && date.getUTCSeconds() === wall.second;
  return same ? date.getTime() : null;
}

function wallClockAt(ms: number, offset: number): WallClock {
  const d = new Date(ms + offset * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** Places wall-clock fields in `zone`; refuses a time the zone skips at a DST change. */
function fromWallClock(wall: WallClock, zone: string, input: unknown): ZonedResult {
  const ms = wallClockMs(wall);
  if (ms === null) return { ok: false, error: `not a valid date-time: ${quoteInput(input)}` };
  // away from a change of offset the wall clock names one instant; near one, luxon decides
  const steady = zoneOffsets(zone).steadyAround(ms);
  if (steady !== null) return { ok: true, value: { wall, offset: steady } };
  const value = DateTime.fromObject(wall, { zone });
  if (!value.isValid) return { ok: false, error: `not a valid date-time: ${quoteInput(input)}` };
  // luxon moves a skipped time forward silently; storing a time nobody's clock showed would be wrong.
  if (value.hour !== wall.hour || value.minute !== wall.minute || value.day !== wall.day) {
    return { ok: false, error: `time does not exist in ${zone} (clock change): ${quoteInput(input)}` };
  }
  return { ok: true, value: { wall, offset: value.offset } };
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
  const local = wallClockMs(wall);
  if (local === null) return invalid;
  const ms = local - time.offsetMinutes * 60_000;
  const offset = zoneOffsets(zone).at(ms);
  return { ok: true, value: { wall: wallClockAt(ms, offset), offset } };
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
