import { describe, expect, it } from 'vitest';
import { formatBytes, isOpen, percentDone, ratePerSecond } from './jobs';

describe('job progress', () => {
  it('measures rows per second over the recent readings, none before two', () => {
    expect(ratePerSecond([])).toBeNull();
    expect(ratePerSecond([{ at: 0, done: 0 }])).toBeNull();
    expect(ratePerSecond([{ at: 0, done: 0 }, { at: 2000, done: 4000 }])).toBe(2000);
    // a long wait in the queue (0 rows for 60 s) is outside the 10 s window
    const samples = [{ at: 0, done: 0 }, { at: 60_000, done: 0 }, { at: 65_000, done: 5000 }, { at: 70_000, done: 10_000 }];
    expect(ratePerSecond(samples)).toBe(1000);
  });

  it('says how far a job is, and whether it is still open', () => {
    expect(percentDone(null)).toBe(0);
    expect(percentDone({ done: 5, total: 0 })).toBe(0);
    expect(percentDone({ done: 1, total: 3 })).toBe(33);
    expect(percentDone({ done: 9, total: 3 })).toBe(100);
    expect(isOpen({ status: 'queued' })).toBe(true);
    expect(isOpen({ status: 'running' })).toBe(true);
    expect(isOpen({ status: 'cancelled' })).toBe(false);
    expect(isOpen(undefined)).toBe(false);
  });

  it('writes sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(15_529)).toBe('15 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
  });
});
