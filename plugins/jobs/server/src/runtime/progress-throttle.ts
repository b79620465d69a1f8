/**
 * Passes on at most one value per `intervalMs`: the first at once, later ones when the
 * interval has passed, and always the last one (a timer writes it, or `flush`). Writes run
 * one after another, never overlapping. `write` must not reject.
 */
export class ProgressThrottle<T> {
  private pending: { value: T } | undefined;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a new value; resolves once it is written when it is written at once. */
  push(value: T): Promise<void> {
    this.pending = { value };
    const wait = this.lastWrite + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
    return Promise.resolve();
  }

  /** Writes the value not yet written, if any; resolves when every write so far is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending) {
      const { value } = this.pending;
      this.pending = undefined;
      this.lastWrite = this.now();
      this.writing = this.writing.then(() => this.write(value));
    }
    return this.writing;
  }

  /** Drops what is pending (the job is over and its record written another way). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
