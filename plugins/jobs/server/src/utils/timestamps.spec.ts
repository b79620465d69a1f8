import { formatTimestamp } from './timestamps';

describe('formatTimestamp', () => {
  it('writes the instant in the zone with its offset and milliseconds', () => {
    expect(formatTimestamp(new Date('2026-11-30T00:15:00.042Z'), 'Asia/Shanghai')).toBe('2026-11-30T08:15:00.042+08:00');
    expect(formatTimestamp('2026-11-30T23:59:59.999Z', 'Asia/Shanghai')).toBe('2026-12-01T07:59:59.999+08:00');
  });

  it('handles offset zero, negative and quarter-hour offsets', () => {
    expect(formatTimestamp('2026-01-01T00:00:00.000Z', 'UTC')).toBe('2026-01-01T00:00:00.000+00:00');
    expect(formatTimestamp('2026-07-01T12:00:00.000Z', 'America/New_York')).toBe('2026-07-01T08:00:00.000-04:00');
    expect(formatTimestamp('2026-07-01T12:00:00.000Z', 'Asia/Kathmandu')).toBe('2026-07-01T17:45:00.000+05:45');
  });

  it('keeps null', () => {
    expect(formatTimestamp(null, 'UTC')).toBeNull();
  });
});
