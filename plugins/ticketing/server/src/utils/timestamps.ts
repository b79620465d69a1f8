import { DateTime } from 'luxon';

/** A stored timestamp as ISO 8601 with the platform zone's offset (one format everywhere). */
export function formatTimestamp(value: Date | string | null, timeZone: string): string | null {
  if (value === null) return null;
  const date = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value);
  return date.setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}
