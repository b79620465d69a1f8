import type { Core } from '@strapi/strapi';
import { invalidationBus } from 'strapi-plugin-access';

type Lookup<R> = (key: unknown, ...rest: unknown[]) => Promise<R>;

const WRITES = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'];
// without the channel another process's write is not heard: trust a copy this long only
const UNHEARD_TTL_MS = 2_000;
// a write inside a transaction is announced before it commits; a read in that gap may cache the old row
const SECOND_DROP_MS = 1_000;
// a bound for many users signed in at once; only what was found is kept, so guessing cannot fill it
const MAX_COPIES = 2_000;

/**
 * Copies of what the auth strategies read on every request, kept per process until one of
 * `models` is written — here, or on another process, told over Redis pub/sub (`topic`). While
 * that channel is down a copy is trusted for 2 s only; after it comes back everything is
 * dropped. `ttlMs` caps a copy's age; 0 keeps nothing.
 */
export function writtenModelsCache(strapi: Core.Strapi, topic: string, models: string[], ttlMs: number) {
  const copies = new Map<string, { value: unknown; at: number }>();
  // bumped by every drop: a read that a drop overtook is not kept
  let generation = 0;
  const dropAll = () => {
    generation += 1;
    copies.clear();
  };
  const dropTwice = () => {
    dropAll();
    setTimeout(dropAll, SECOND_DROP_MS).unref();
  };
  const bus = invalidationBus(strapi, topic, dropTwice, dropAll);
  const enabled = ttlMs > 0;

  if (enabled) {
    strapi.db.lifecycles.subscribe({
      models,
      ...Object.fromEntries(
        WRITES.map((event) => [
          event,
          () => {
            dropTwice();
            void bus.publish('*');
          },
        ]),
      ),
    });
  }

  return {
    /**
     * `read` answered from the copies when it found something for `key` lately; `copy` gives
     * each caller its own object, so no request can change another's. `read` with more
     * arguments than the key is never kept.
     */
    wrap<R>(name: string, read: Lookup<R>, copy: (value: R) => R): Lookup<R> {
      if (!enabled) return read;
      return async (key: unknown, ...rest: unknown[]) => {
        if (rest.some((arg) => arg !== undefined)) return read(key, ...rest);
        const id = `${name}:${String(key)}`;
        const now = Date.now();
        const maxAge = bus.freshness.liveSince() === null ? Math.min(ttlMs, UNHEARD_TTL_MS) : ttlMs;
        const kept = copies.get(id);
        if (kept && now - kept.at < maxAge) return copy(kept.value as R);
        const asked = generation;
        const value = await read(key);
        // nothing found is not kept: a guessed key costs its lookup, as without copies (and a
        // lookup that reaches the database is what tells a request that the database is down)
        if (value !== null && value !== undefined && asked === generation) {
          if (copies.size >= MAX_COPIES) copies.clear();
          copies.set(id, { value, at: now });
        }
        return copy(value);
      };
    },
    start: () => (enabled ? bus.start() : undefined),
    stop: () => bus.stop(),
  };
}
