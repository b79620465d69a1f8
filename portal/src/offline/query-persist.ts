import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { offlineDb } from './offline-db';
import { PERSISTED_KEYS } from './persisted-keys';

/** What is kept of a user's query cache. */
export interface PersistedQueries {
  /** Changes when the shape of what is kept changes: an older record is ignored. */
  buster: number;
  savedAt: number;
  state: DehydratedState;
}

const BUSTER = 1;
/** Older than this, a kept answer is not worth showing. */
export const PERSIST_MAX_AGE = 7 * 24 * 3600_000;
/** The recently opened tickets kept (with their history). */
const RECENT_TICKETS = 30;

const persisted = new Set<unknown>(PERSISTED_KEYS);

/** The cache's persisted part, with only the most recently fetched tickets and histories. */
export function persistableState(client: QueryClient): DehydratedState {
  const state = dehydrate(client, {
    shouldDehydrateQuery: (query) => query.state.status === 'success' && persisted.has(query.queryKey[0]),
  });
  const newest = [...state.queries].sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt);
  const count = new Map<unknown, number>();
  const queries = newest.filter((query) => {
    const kind = query.queryKey[0];
    const seen = (count.get(kind) ?? 0) + 1;
    count.set(kind, seen);
    return !['ticket', 'ticket-history', 'tickets'].includes(kind as string) || seen <= RECENT_TICKETS;
  });
  return { ...state, queries };
}

/** Puts `user`'s kept answers into the cache (as they were when kept: queries refetch them when they can). */
export async function restoreQueries(client: QueryClient, user: string, now = Date.now()): Promise<void> {
  const record = await (await offlineDb()).get('queries', user);
  if (!record || record.buster !== BUSTER || now - record.savedAt > PERSIST_MAX_AGE) return;
  hydrate(client, record.state);
}

/** Keeps `user`'s answers in IndexedDB as they change (at most once a second); returns the stop (which writes what is pending). */
export function persistQueries(client: QueryClient, user: string, delayMs = 1000): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const record: PersistedQueries = { buster: BUSTER, savedAt: Date.now(), state: persistableState(client) };
    try {
      await (await offlineDb()).put('queries', record, user);
    } catch (error) {
      // a full disk must not break the app: it only shows less offline
      console.warn('could not keep the answers for offline use', error);
    }
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'added') return;
    if (!persisted.has(event.query.queryKey[0])) return;
    timer ??= setTimeout(() => void save(), delayMs);
  });
  return async () => {
    unsubscribe();
    if (timer !== undefined) {
      clearTimeout(timer);
      await save();
    }
  };
}

/** Forgets `user`'s kept answers (an explicit sign-out). */
export async function forgetQueries(user: string): Promise<void> {
  await (await offlineDb()).delete('queries', user);
}
