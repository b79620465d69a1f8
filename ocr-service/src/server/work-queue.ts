/**
 * Bounded work queue: admission of whole requests (at most `capacity` admitted at once, the
 * rest are refused so memory cannot grow without bound) and a pool running at most
 * `concurrency` image jobs, FIFO.
 */
export class WorkQueue {
  private admitted = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly capacity: number,
    readonly concurrency: number,
  ) {}

  /** Requests admitted and not yet released. */
  get size(): number {
    return this.admitted;
  }

  /** Image jobs waiting for a slot. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Admits one request, or returns `null` when full. Call the returned function once when done. */
  tryAdmit(): (() => void) | null {
    if (this.admitted >= this.capacity) return null;
    this.admitted++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.admitted--;
    };
  }

  /** Runs `job` when a slot is free. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next job so `running` never drops below the busy count.
      if (next) next();
      else this.running--;
    }
  }
}
