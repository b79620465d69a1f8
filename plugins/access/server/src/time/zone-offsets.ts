import { DateTime } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_QUARTER = 900_000;
const MS_PER_DAY = 86_400_000;

/** A zone's UTC offsets, for converting between instants and wall clocks without luxon on the hot path. */
export interface ZoneOffsets {
  /** The zone's offset in minutes at the instant `ms`. */
  at(ms: number): number;
  /**
   * The offset in minutes that holds throughout the three UTC days around `ms` (so any wall
   * clock within a day of it maps to exactly one instant); null near a change of offset, where
   * callers must let luxon decide (skipped and repeated times).
   */
  steadyAround(ms: number): number | null;
}

const zones = new Map<string, ZoneOffsets>();

/**
 * The offsets of `timeZone`, looked up through luxon once per UTC day (and once per quarter hour
 * on days when the offset changes): luxon costs ~90 µs a value, which an import or export of
 * 100,000 rows pays several times per row otherwise. Offsets only ever change on a quarter hour.
 */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (!offsets) {
    offsets = createZoneOffsets(timeZone);
    zones.set(timeZone, offsets);
  }
  return offsets;
}

function createZoneOffsets(timeZone: string): ZoneOffsets {
  const luxonOffset = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).offset;
  // per UTC day: its offset when the same at both ends (null: it changes that day)
  const days = new Map<number, number | null>();
  const quarters = new Map<number, number>();

  const dayOffset = (day: number): number | null => {
    let offset = days.get(day);
    if (offset === undefined) {
      const start = luxonOffset(day * MS_PER_DAY);
      offset = start === luxonOffset((day + 1) * MS_PER_DAY - 1) ? start : null;
      days.set(day, offset);
    }
    return offset;
  };

  const at = (ms: number) => {
    const steady = dayOffset(Math.floor(ms / MS_PER_DAY));
    if (steady !== null) return steady;
    const quarter = Math.floor(ms / MS_PER_QUARTER);
    let offset = quarters.get(quarter);
    if (offset === undefined) {
      offset = luxonOffset(quarter * MS_PER_QUARTER);
      quarters.set(quarter, offset);
    }
    return offset;
  };

  const steadyAround = (ms: number) => {
    const day = Math.floor(ms / MS_PER_DAY);
    const offset = dayOffset(day);
    return offset !== null && dayOffset(day - 1) === offset && dayOffset(day + 1) === offset ? offset : null;
  };

  return { at, steadyAround };
}

/** The wall clock of `ms` at `offsetMinutes` east of UTC, in the UTC fields of a Date. */
export const wallClockDate = (ms: number, offsetMinutes: number) => new Date(ms + offsetMinutes * MS_PER_MINUTE);
