/** Date and time fields as a wall clock shows them, with no zone attached. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_DAY = 86_400_000;
// Day 0 of Excel's numbering from 1900-03-01 on; earlier serials are one day off (see below).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** The serial of 9999-12-31, the last day Excel can show. */
export const MAX_EXCEL_SERIAL = 2958465;
// Excel copies Lotus 1-2-3 in counting a 1900-02-29 that never existed.
const PHANTOM_LEAP_DAY = 60;

function wallClockOfUtcMs(ms: number): WallClock | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) return null;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * Converts an Excel (1900 system) serial into wall-clock fields; the fraction is the time of day,
 * rounded to the second, or dropped when `withTime` is false. Null outside 1–2958465 and for 60.
 */
export function excelSerialToWallClock(serial: number, withTime: boolean): WallClock | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null;
  const day = Math.floor(serial);
  if (day === PHANTOM_LEAP_DAY) return null;
  const daysFromEpoch = day < PHANTOM_LEAP_DAY ? day + 1 : day;
  const seconds = withTime ? Math.round((serial - day) * 86_400) : 0;
  return wallClockOfUtcMs(EXCEL_EPOCH_MS + daysFromEpoch * MS_PER_DAY + seconds * 1000);
}

/**
 * Reads a JS Date the way exceljs makes them: its UTC fields are the sheet's wall clock.
 * Rounded to the second because Excel's float serials land a millisecond off.
 */
export function dateToWallClock(date: Date): WallClock | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return wallClockOfUtcMs(Math.round(ms / 1000) * 1000);
}
