import { DateTime } from 'luxon';

/** Working hours: per ISO weekday (1 = Monday) periods as [start, end) minutes after midnight, in `timeZone`. */
export interface WorkCalendar {
  timeZone: string;
  week: Record<number, [number, number][]>;
  /** Dates (YYYY-MM-DD) with no working hours, though their weekday has some. */
  holidays: ReadonlySet<string>;
  /** Dates worked though their weekday is free (调休): they get Monday's hours. */
  workdays: ReadonlySet<string>;
}

/** How far ahead a search for working time gives up: a calendar with no hours at all. */
const MAX_DAYS = 3660;

/** The working periods of the local day starting at `day`, as epoch milliseconds. */
function periodsOf(day: DateTime, calendar: WorkCalendar): [number, number][] {
  const iso = day.toISODate() as string;
  if (calendar.holidays.has(iso)) return [];
  const periods = calendar.workdays.has(iso) ? calendar.week[1] : calendar.week[day.weekday];
  // built from wall-clock fields, so a period keeps its hours across a clock change
  const at = (minutes: number) =>
    DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: calendar.timeZone }).toMillis();
  return (periods ?? []).map(([start, end]) => [at(start), end === 1440 ? day.plus({ days: 1 }).toMillis() : at(end)]);
}

const startOfDay = (ms: number, calendar: WorkCalendar) => DateTime.fromMillis(ms, { zone: calendar.timeZone }).startOf('day');

/** Working milliseconds between two instants (none when `to` is not after `from`); null calendar: every hour counts. */
export function workingMs(from: number, to: number, calendar: WorkCalendar | null): number {
  if (to <= from) return 0;
  if (!calendar) return to - from;
  let total = 0;
  for (let day = startOfDay(from, calendar), n = 0; day.toMillis() < to && n < MAX_DAYS; day = day.plus({ days: 1 }), n++) {
    for (const [start, end] of periodsOf(day, calendar)) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

/** The instant `ms` working milliseconds after `from`; null when the calendar has no working time within ten years. */
export function addWorkingMs(from: number, ms: number, calendar: WorkCalendar | null): number | null {
  if (!calendar) return from + ms;
  let left = ms;
  for (let day = startOfDay(from, calendar), n = 0; n < MAX_DAYS; day = day.plus({ days: 1 }), n++) {
    for (const [start, end] of periodsOf(day, calendar)) {
      if (end <= from) continue;
      const begin = Math.max(start, from);
      if (left <= end - begin) return begin + left;
      left -= end - begin;
    }
  }
  return null;
}
