import type * as ort from 'onnxruntime-node';

/** What the stages need of a model: its tensor names and a run. */
export interface OnnxModel {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>>;
}

/**
 * Limits how many model runs execute at once, across all models and requests. Each run
 * already spreads over `intraOpThreads` cores; two runs at once with all cores' threads each
 * oversubscribe the CPU and both slow down (measured: 4 images at once were slower per image
 * than 1). JavaScript pre/post-processing of other images still overlaps a run, because the
 * run executes off the main thread.
 */
export class InferenceLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly lanes: number) {
    if (!(lanes >= 1)) throw new Error('an inference lane needs at least one slot');
  }

  /** Runs `session` on `feeds` when a slot is free, FIFO. */
  async run(session: OnnxModel, feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
    if (this.running >= this.lanes) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await session.run(feeds);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** The same model, its runs going through this lane. */
  bind(session: OnnxModel): OnnxModel {
    return {
      inputNames: session.inputNames,
      outputNames: session.outputNames,
      run: (feeds) => this.run(session, feeds),
    };
  }
}
