import { DateTime } from 'luxon';
import { zonedFormatter } from './zoned-format';
import { formatTimestamp } from './format-timestamp';

describe('zonedFormatter', () => {
  it('formats instants like luxon, across DST changes and half-hour zones', () => {
    const berlin = zonedFormatter('Europe/Berlin');
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const ms = Date.parse(iso);
      expect(berlin(ms)).toBe(DateTime.fromMillis(ms, { zone: 'Europe/Berlin' }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
    }
    const lordHowe = zonedFormatter('Australia/Lord_Howe');
    for (const iso of ['2026-04-04T14:59:59Z', '2026-04-04T15:00:00Z', '2026-10-03T15:29:59Z', '2026-10-03T15:30:00Z']) {
      const ms = Date.parse(iso);
      expect(lordHowe(ms)).toBe(DateTime.fromMillis(ms, { zone: 'Australia/Lord_Howe' }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
    }
    expect(zonedFormatter('Asia/Shanghai')(Date.parse('2026-11-30T00:15:00Z'))).toBe('2026-11-30T08:15:00+08:00');
  });

  it('keeps milliseconds for stored timestamps', () => {
    expect(formatTimestamp(new Date('2026-11-30T00:15:00.042Z'), 'Asia/Shanghai')).toBe('2026-11-30T08:15:00.042+08:00');
    expect(formatTimestamp(null, 'Asia/Shanghai')).toBeNull();
  });
});

describe('formatTimestamp', () => {
  it('reads Date, ISO strings and epoch milliseconds alike', () => {
    const expected = '2026-01-23T07:50:00.000+08:00';
    expect(formatTimestamp(new Date('2026-01-22T23:50:00Z'), 'Asia/Shanghai')).toBe(expected);
    expect(formatTimestamp('2026-01-22T23:50:00.000Z', 'Asia/Shanghai')).toBe(expected);
    expect(formatTimestamp(Date.parse('2026-01-22T23:50:00Z'), 'Asia/Shanghai')).toBe(expected);
    expect(formatTimestamp(undefined, 'Asia/Shanghai')).toBeNull();
  });

  it('writes +00:00 for UTC, never Z', () => {
    expect(formatTimestamp(new Date('2026-01-22T23:50:00Z'), 'UTC')).toBe('2026-01-22T23:50:00.000+00:00');
  });
});
