/**
 * A per-process cache of values grouped by a key (a ticket type), trusted for as long as the
 * invalidation channel says it delivers every change; otherwise only for `ttlMs`.
 */
export interface Freshness {
  /** Since when every invalidation reaches this process; null while the channel is down. */
  liveSince(): number | null;
}

interface Entry<V> {
  value: V;
  loadedAt: number;
}

export class KeyedCache<V> {
  private readonly entries = new Map<string, Map<string, Entry<V>>>();
  // bumped by each invalidation, so a load that began before one is not stored after it
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly freshness: Freshness,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value of `key`/`part`, or the one `load` gives (stored unless `key` changed meanwhile). */
  async get(key: string, part: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key)?.get(part);
    if (hit && this.fresh(hit)) return hit.value;
    const generation = this.generations.get(key) ?? 0;
    const loadedAt = this.now();
    const value = await load();
    if ((this.generations.get(key) ?? 0) === generation && this.ttlMs > 0) {
      let parts = this.entries.get(key);
      if (!parts) this.entries.set(key, (parts = new Map()));
      parts.set(part, { value, loadedAt });
    }
    return value;
  }

  /** Forgets everything cached for `key`. */
  invalidate(key: string) {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.entries.delete(key);
  }

  /** Forgets everything (the channel was down: changes may have been missed). */
  clear() {
    for (const key of [...this.entries.keys(), ...this.generations.keys()]) this.invalidate(key);
  }

  private fresh(entry: Entry<V>) {
    const since = this.freshness.liveSince();
    if (since !== null && entry.loadedAt >= since) return true;
    return this.now() - entry.loadedAt < this.ttlMs;
  }
}
