import { zonedFormatter } from './zoned-format';

const formatters = new Map<string, (ms: number) => string>();

/** A stored timestamp as ISO 8601 with milliseconds and the platform zone's offset (one format everywhere). */
export function formatTimestamp(value: Date | string | null, timeZone: string): string | null {
  if (value === null) return null;
  let format = formatters.get(timeZone);
  if (!format) {
    format = zonedFormatter(timeZone, true);
    formatters.set(timeZone, format);
  }
  return format(value instanceof Date ? value.getTime() : Date.parse(value));
}
