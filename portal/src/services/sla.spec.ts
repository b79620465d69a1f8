import { describe, expect, it } from 'vitest';
import { formatDuration, secondsLeft, shownClock, slaColor, type SlaClock, type TicketSla } from './sla';

const units = { d: 'd', h: 'h', m: 'm', s: 's' };
const NOW = Date.parse('2026-12-07T10:00:00+08:00');
const clock = (patch: Partial<SlaClock>): SlaClock => ({
  target: 3600,
  elapsed: 600,
  state: 'ok',
  running: true,
  dueAt: null,
  businessHours: false,
  ...patch,
});

describe('shownClock', () => {
  it('shows the response clock while it runs, then the resolution clock', () => {
    const response = clock({ running: true });
    const resolution = clock({ target: 14_400 });
    expect(shownClock({ state: 'ok', response, resolution })).toBe(response);
    const met = clock({ running: false });
    expect(shownClock({ state: 'ok', response: met, resolution })).toBe(resolution);
  });

  it('shows a breached clock once none runs (paused while rejected, or done late)', () => {
    const breached = clock({ running: false, state: 'breached', elapsed: 4000 });
    const paused = clock({ running: false, target: 14_400 });
    expect(shownClock({ state: 'breached', response: breached, resolution: paused })).toBe(breached);
  });

  it('has nothing to show without clocks', () => {
    expect(shownClock({ state: null, response: null, resolution: null } as TicketSla)).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('counts down to the due moment of a running clock', () => {
    const due = new Date(NOW + 90_000).toISOString();
    expect(secondsLeft(clock({ dueAt: due }), NOW, NOW - 50_000)).toBe(90);
    expect(secondsLeft(clock({ dueAt: due }), NOW + 100_000, NOW)).toBe(-10);
  });

  it('takes the time since the answer off a running clock without a due moment', () => {
    expect(secondsLeft(clock({}), NOW + 60_000, NOW)).toBe(3600 - 600 - 60);
  });

  it('keeps a stopped clock where it stopped', () => {
    expect(secondsLeft(clock({ running: false, elapsed: 4000 }), NOW + 3_600_000, NOW)).toBe(-400);
  });
});

describe('formatDuration', () => {
  it('gives the two largest units', () => {
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 59, units)).toBe('2d 3h');
    expect(formatDuration(3 * 3600 + 5 * 60 + 7, units)).toBe('3h 05m');
    expect(formatDuration(4 * 60 + 9, units)).toBe('4m 09s');
    expect(formatDuration(9, units)).toBe('9s');
  });

  it('reads an overdue time as its size', () => {
    expect(formatDuration(-125, units)).toBe('2m 05s');
  });
});

describe('slaColor', () => {
  it("follows the server's state", () => {
    expect(slaColor('ok', clock({}), 3000)).toBe('green');
    expect(slaColor('warning', clock({}), 3000)).toBe('orange');
    expect(slaColor('breached', clock({}), 3000)).toBe('red');
  });

  it('turns orange at 80 % and red when overdue before the server has judged it', () => {
    expect(slaColor('ok', clock({}), 721)).toBe('green');
    expect(slaColor('ok', clock({}), 720)).toBe('orange');
    expect(slaColor('ok', clock({}), -1)).toBe('red');
  });
});
