import { DateTime } from 'luxon';
import { zonedFormatter } from './zoned-format';
import { formatTimestamp } from './timestamps';

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
