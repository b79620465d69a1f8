import { removeUntilDone } from './remove-later';

describe('removeUntilDone', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('tries at once, then again with doubling delays (capped) until storage takes it', async () => {
    const calls: number[] = [];
    let failures = 4;
    const remove = jest.fn(async () => {
      calls.push(Date.now());
      if (failures-- > 0) throw new Error('connect ECONNREFUSED');
    });
    const giveUp = jest.fn();
    await removeUntilDone(remove, giveUp, { firstDelayMs: 1000, maxDelayMs: 3000, attempts: 10 });
    expect(remove).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 3000 + 3000);
    expect(remove).toHaveBeenCalledTimes(5);
    expect(calls.slice(1).map((t, i) => t - calls[i])).toEqual([1000, 2000, 3000, 3000]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(remove).toHaveBeenCalledTimes(5);
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('hands the last failure to giveUp after its attempts', async () => {
    const error = new Error('still down');
    const remove = jest.fn(async () => {
      throw error;
    });
    const giveUp = jest.fn();
    await removeUntilDone(remove, giveUp, { firstDelayMs: 10, maxDelayMs: 10, attempts: 3 });
    await jest.advanceTimersByTimeAsync(100);
    expect(remove).toHaveBeenCalledTimes(3);
    expect(giveUp).toHaveBeenCalledWith(error);
  });
});
