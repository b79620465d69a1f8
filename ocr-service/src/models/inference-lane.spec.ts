import type * as ort from 'onnxruntime-node';
import { InferenceLane, type OnnxModel } from './inference-lane';

/** A fake model whose runs finish when the test says so, counting how many run at once. */
function fakeModel() {
  let active = 0;
  let peak = 0;
  const finishers: (() => void)[] = [];
  const model: OnnxModel = {
    inputNames: ['x'],
    outputNames: ['y'],
    run: () =>
      new Promise<Record<string, ort.Tensor>>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        finishers.push(() => {
          active--;
          resolve({});
        });
      }),
  };
  return { model, finishers, peak: () => peak };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('InferenceLane', () => {
  it('runs at most `lanes` models at once, the rest in arrival order', async () => {
    const fake = fakeModel();
    const lane = new InferenceLane(1);
    const bound = lane.bind(fake.model);
    const done: number[] = [];
    const runs = [0, 1, 2].map((i) => bound.run({}).then(() => done.push(i)));
    await tick();
    expect(fake.finishers).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      fake.finishers[i]();
      await tick();
    }
    await Promise.all(runs);
    expect(done).toEqual([0, 1, 2]);
    expect(fake.peak()).toBe(1);
  });

  it('lets two run together with two lanes', async () => {
    const fake = fakeModel();
    const lane = new InferenceLane(2);
    const runs = [0, 1, 2].map(() => lane.run(fake.model, {}));
    await tick();
    expect(fake.finishers).toHaveLength(2);
    fake.finishers.forEach((f) => f());
    await tick();
    fake.finishers[2]();
    await Promise.all(runs);
    expect(fake.peak()).toBe(2);
  });
});
