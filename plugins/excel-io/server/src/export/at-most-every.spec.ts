import { atMostEvery } from './at-most-every';

describe('atMostEvery', () => {
  it('runs the action on the first call, then only once the interval has passed', async () => {
    let clock = 1000;
    const runs: number[] = [];
    const check = atMostEvery(200, async () => void runs.push(clock), () => clock);
    for (const step of [0, 50, 100, 149, 1, 250, 10]) {
      clock += step;
      await check();
    }
    // calls at 1000, 1050, 1150, 1299, 1300, 1550, 1560: due at 1000, then ≥ 1200 → 1299, then ≥ 1499 → 1550
    expect(runs).toEqual([1000, 1299, 1550]);
  });
  it('passes the action’s failure on (a cancelled job stops)', async () => {
    const check = atMostEvery(200, async () => {
      throw new Error('cancelled');
    });
    await expect(check()).rejects.toThrow('cancelled');
  });
});
