import { WorkQueue } from './work-queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('WorkQueue', () => {
  it('admits up to capacity, refuses the next, and frees a slot once per release', () => {
    const q = new WorkQueue(2, 1);
    const a = q.tryAdmit();
    const b = q.tryAdmit();
    expect(a && b).toBeTruthy();
    expect(q.tryAdmit()).toBeNull();
    a!();
    a!(); // a second call must not free a second slot
    expect(q.size).toBe(1);
    expect(q.tryAdmit()).not.toBeNull();
    expect(q.tryAdmit()).toBeNull();
  });

  it('runs at most `concurrency` jobs at once, FIFO, and survives a failing job', async () => {
    const q = new WorkQueue(10, 2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, deferred);
    const jobs = gates.map((g, i) =>
      q.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await g.promise;
        running--;
        if (i === 1) throw new Error('boom');
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(q.backlog).toBe(3);
    gates.forEach((g) => g.resolve());
    const results = await Promise.allSettled(jobs);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(q.backlog).toBe(0);
  });
});
