/** Stage names of the OCR pipeline, in execution order. */
export type StageName = 'decode' | 'detect' | 'orient' | 'order' | 'classify' | 'recognize';

/** Milliseconds spent per stage for one image. */
export type StageTimings = Partial<Record<StageName, number>>;

/** Times each named stage; `run` awaits the stage and records its wall time. */
export class StageTimer {
  readonly timings: StageTimings = {};

  async run<T>(stage: StageName, fn: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.timings[stage] = (this.timings[stage] ?? 0) + (performance.now() - start);
    }
  }
}
