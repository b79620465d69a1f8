import type { FormValues } from '../services/ticket';
import { offlineDb } from './offline-db';
import type { NewEntry, OutboxItem, QueuedEntry, QueuedUpdate } from './outbox-types';

/** The entry as the UI holds it: without a photo's bytes. */
const itemOf = (entry: QueuedEntry): OutboxItem => {
  if (entry.kind !== 'photo') return entry;
  const item: Partial<QueuedEntry> = { ...entry };
  delete item.bytes;
  return item as OutboxItem;
};

/**
 * The queue of changes and photos made without a network, in IndexedDB, each bound to the
 * user who made it. Entries go out in the order they were queued; `items()` is a synchronous
 * snapshot of the loaded user's entries for React (`useSyncExternalStore`).
 */
export function createOutbox(db = offlineDb) {
  let userId: string | null = null;
  let snapshot: OutboxItem[] = [];
  const listeners = new Set<() => void>();

  /** The user's entries, oldest first. */
  async function entries(user: string): Promise<QueuedEntry[]> {
    const all = await (await db()).getAllFromIndex('outbox', 'user', user);
    return all.sort((a, b) => a.seq - b.seq);
  }

  async function refresh() {
    snapshot = userId === null ? [] : (await entries(userId)).map(itemOf);
    listeners.forEach((listener) => listener());
  }

  return {
    entries,
    items: (): OutboxItem[] => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Reads `user`'s entries into the snapshot (null: nobody is signed in, the snapshot is empty). */
    async load(user: string | null) {
      userId = user;
      await refresh();
    },

    /** Queues a change after every other entry. */
    async add(entry: NewEntry): Promise<number> {
      const seq = await (await db()).add('outbox', { ...entry, state: 'waiting', queuedAt: Date.now() } as QueuedEntry);
      await refresh();
      return seq;
    },

    /**
     * The entry `seq` reached the server: it goes, and when it was a save that produced
     * `version`, the ticket's next queued save (made on top of it) is based on that version.
     */
    async finish(seq: number, version?: number) {
      const tx = (await db()).transaction('outbox', 'readwrite');
      const done = await tx.store.get(seq);
      if (done) {
        await tx.store.delete(seq);
        if (done.kind === 'update' && version !== undefined) {
          const later = (await tx.store.index('user').getAll(done.userId)).sort((a, b) => a.seq - b.seq);
          const next = later.find((e): e is QueuedUpdate => e.kind === 'update' && e.ticketId === done.ticketId && e.seq > seq);
          if (next && next.version === null) await tx.store.put({ ...next, version });
        }
      }
      await tx.done;
      await refresh();
    },

    /** Holds the entry (and so its ticket's later ones) until the user decides. */
    async hold(seq: number, patch: Pick<QueuedUpdate, 'state' | 'error' | 'conflict'>) {
      const tx = (await db()).transaction('outbox', 'readwrite');
      const entry = await tx.store.get(seq);
      if (entry) await tx.store.put({ ...entry, ...patch } as QueuedEntry);
      await tx.done;
      await refresh();
    },

    /** Drops one entry (a refused one the user discards). */
    async discard(seq: number) {
      await (await db()).delete('outbox', seq);
      await refresh();
    },

    /** Conflict, "take the server's version": the ticket's queued saves go; its photos still go out. */
    async dropUpdates(user: string, ticketId: string) {
      const tx = (await db()).transaction('outbox', 'readwrite');
      for (const entry of await tx.store.index('user').getAll(user)) {
        if (entry.kind === 'update' && entry.ticketId === ticketId) await tx.store.delete(entry.seq);
      }
      await tx.done;
      await refresh();
    },

    /**
     * Conflict, "overwrite": the first queued save of the ticket becomes `form` at the server's
     * `version` (the user's latest values, made knowingly on top of the other change), its later
     * saves go (they are part of `form`), and it waits to be sent again.
     */
    async overwrite(user: string, ticketId: string, form: FormValues, version: number, serverForm: FormValues) {
      const tx = (await db()).transaction('outbox', 'readwrite');
      const updates = (await tx.store.index('user').getAll(user))
        .filter((e): e is QueuedUpdate => e.kind === 'update' && e.ticketId === ticketId)
        .sort((a, b) => a.seq - b.seq);
      const [first, ...rest] = updates;
      if (first) {
        const kept: QueuedUpdate = { ...first, form, base: serverForm, version, state: 'waiting' };
        delete kept.conflict;
        delete kept.error;
        await tx.store.put(kept);
        for (const entry of rest) await tx.store.delete(entry.seq);
      }
      await tx.done;
      await refresh();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** The app's outbox. */
export const outbox = createOutbox();
