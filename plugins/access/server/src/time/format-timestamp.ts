import { zonedFormatter } from './zoned-format';

const formatters = new Map<string, (ms: number) => string>();

/**
 * A stored instant as the platform's APIs write every timestamp: ISO 8601 with milliseconds
 * and the offset of `timeZone` (`2026-11-30T08:15:00.042+08:00`), never UTC `Z`.
 */
export function formatTimestamp(value: Date | string | number, timeZone: string): string;
export function formatTimestamp(value: Date | string | number | null | undefined, timeZone: string): string | null;
export function formatTimestamp(value: Date | string | number | null | undefined, timeZone: string): string | null {
  if (value === null || value === undefined) return null;
  let format = formatters.get(timeZone);
  if (!format) {
    format = zonedFormatter(timeZone, true);
    formatters.set(timeZone, format);
  }
  return format(value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value));
}
