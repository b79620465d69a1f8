/** A calendar day. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A time of day; `offsetMinutes` is set only when the text named an offset or `Z`. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  offsetMinutes?: number;
}

// Each pattern reads the date at the start of normalised (NFKC) text; what follows is the time.
const DATE_PATTERNS: RegExp[] = [
  // 2026-11-30, 2026/11/30, 2026.11.30, 2026-1-5 (one separator throughout)
  /^(?<year>\d{4})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?=$|[\sT])/i,
  // 2026年11月30日, 2026年1月5号
  /^(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号]?/,
  // 20261130
  /^(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})(?=$|[\sT])/i,
];

// 08:15, 8:15:30, 08:15:30.123, each optionally followed by Z, +08:00, +0800 or +08.
const COLON_TIME =
  /^(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?\s*(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// 8时15分, 8点15分30秒, 8点, 8点15 (whitespace removed first)
const CHINESE_TIME = /^(?<hour>\d{1,2})[时点](?:(?<minute>\d{1,2})(?:分(?:(?<second>\d{1,2})秒?)?)?)?$/;

/** True when year/month/day name a day that exists (2026-02-30 does not). */
export function isCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads the date at the start of normalised text; `rest` is what follows (a leading `T` dropped). */
export function splitDateText(text: string): { date: CalendarDate; rest: string } | null {
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match?.groups) continue;
    const { year, month, day } = match.groups;
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    const rest = text.slice(match[0].length).trim().replace(/^T/i, '');
    return { date, rest };
  }
  return null;
}

function offsetMinutes(offset: string): number {
  if (/^z$/i.test(offset)) return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** Reads a time of day (`08:15`, `08:15:30Z`, `8时15分`); null when the text is no time. Ranges are not checked. */
export function parseTimeText(text: string): ClockTime | null {
  const colon = COLON_TIME.exec(text)?.groups;
  if (colon) {
    const time: ClockTime = { hour: Number(colon.hour), minute: Number(colon.minute), second: Number(colon.second ?? 0) };
    if (colon.offset) time.offsetMinutes = offsetMinutes(colon.offset);
    return time;
  }
  const chinese = CHINESE_TIME.exec(text.replace(/\s+/g, ''))?.groups;
  if (chinese) {
    return { hour: Number(chinese.hour), minute: Number(chinese.minute ?? 0), second: Number(chinese.second ?? 0) };
  }
  return null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a calendar day. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
