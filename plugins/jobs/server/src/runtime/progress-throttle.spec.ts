import { ProgressThrottle } from './progress-throttle';

describe('ProgressThrottle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = () => {
    const written: number[] = [];
    const throttle = new ProgressThrottle<number>(
      async (v) => {
        written.push(v);
      },
      1000,
      () => Date.now(),
    );
    return { written, throttle };
  };

  it('writes the first value at once and at most one per interval after it', async () => {
    const { written, throttle } = setup();
    await throttle.push(1);
    for (let i = 2; i <= 10; i++) {
      jest.advanceTimersByTime(100);
      await throttle.push(i);
    }
    // 900 ms after the first write: nothing more yet
    expect(written).toEqual([1]);
    jest.advanceTimersByTime(100);
    await throttle.flush();
    expect(written).toEqual([1, 10]);
  });

  it('writes the last value when the interval ends, even with no further push', async () => {
    const { written, throttle } = setup();
    await throttle.push(1);
    await throttle.push(2);
    await throttle.push(3);
    expect(written).toEqual([1]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([1, 3]);
  });

  it('flush writes what is pending at once; stop drops it', async () => {
    const { written, throttle } = setup();
    await throttle.push(1);
    await throttle.push(2);
    await throttle.flush();
    expect(written).toEqual([1, 2]);
    await throttle.push(3);
    throttle.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(written).toEqual([1, 2]);
  });
});
