import { DateTime } from 'luxon';
import { zoneOffsets } from './zone-offsets';

// a deterministic spread of instants: every 7 h 13 min over three years, crossing each DST change
const instants = Array.from({ length: 3700 }, (_, i) => Date.parse('2025-01-01T00:00:00Z') + i * (7 * 3_600_000 + 13 * 60_000));

describe('zoneOffsets', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Shanghai', 'UTC'])('gives luxon’s offset at every instant in %s', (zone) => {
    const offsets = zoneOffsets(zone);
    for (const ms of instants) expect([ms, offsets.at(ms)]).toEqual([ms, DateTime.fromMillis(ms, { zone }).offset]);
  });

  it('knows the minute a change takes effect', () => {
    const berlin = zoneOffsets('Europe/Berlin');
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(berlin.at(change - 1)).toBe(60);
    expect(berlin.at(change)).toBe(120);
    const lordHowe = zoneOffsets('Australia/Lord_Howe');
    expect(lordHowe.at(Date.parse('2026-10-03T15:29:59Z'))).toBe(630);
    expect(lordHowe.at(Date.parse('2026-10-03T15:30:00Z'))).toBe(660);
  });

  it('says an offset is steady only a whole day away from a change', () => {
    const berlin = zoneOffsets('Europe/Berlin');
    expect(berlin.steadyAround(Date.parse('2026-03-29T00:30:00Z'))).toBeNull();
    expect(berlin.steadyAround(Date.parse('2026-03-28T12:00:00Z'))).toBeNull();
    expect(berlin.steadyAround(Date.parse('2026-03-30T12:00:00Z'))).toBeNull();
    expect(berlin.steadyAround(Date.parse('2026-03-31T12:00:00Z'))).toBe(120);
    expect(zoneOffsets('Asia/Shanghai').steadyAround(Date.parse('2026-11-30T00:00:00Z'))).toBe(480);
  });
});
