/**
 * `action`, run at most once per `intervalMs` (the first call always runs it). An export asks
 * whether its job was cancelled after every batch of 50 rows: a Redis round trip each time
 * would cost more than the rows, and a cancel a fraction of a second later is the same cancel.
 */
export function atMostEvery(intervalMs: number, action: () => Promise<void>, now: () => number = Date.now): () => Promise<void> {
  let last = -Infinity;
  return async () => {
    const time = now();
    if (time - last < intervalMs) return;
    last = time;
    await action();
  };
}
