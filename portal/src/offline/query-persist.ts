import { dehydrate, hydrate, onlineManager, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { offlineDb } from './offline-db';
import { PERSISTED_KEYS } from './persisted-keys';

type KeptQuery = DehydratedState['queries'][number];

/** What is kept of a user's answers. */
export interface PersistedQueries {
  /** Changes when the shape of what is kept changes: an older record is ignored. */
  buster: number;
  savedAt: number;
  state: DehydratedState;
}

const BUSTER = 1;
/** Older than this, a kept answer is not worth showing. */
export const PERSIST_MAX_AGE = 7 * 24 * 3600_000;
/** The recently fetched tickets kept (and as many histories and lists). */
const RECENT = 30;
const LIMITED = new Set<unknown>(['ticket', 'ticket-history', 'tickets']);
const persisted = new Set<unknown>(PERSISTED_KEYS);

/** `queries` newest first, with at most `RECENT` of each limited kind. */
function newestKept(queries: KeptQuery[]): KeptQuery[] {
  const count = new Map<unknown, number>();
  return [...queries]
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .filter((query) => {
      const kind = query.queryKey[0];
      const seen = (count.get(kind) ?? 0) + 1;
      count.set(kind, seen);
      return !LIMITED.has(kind) || seen <= RECENT;
    });
}

/**
 * Keeps `user`'s answers on the device and falls back on them without a network. Online, the
 * app works as if nothing was kept (every page asks the server); the kept answers go into the
 * cache only when the browser is offline (at the start, or when it goes offline) or when a
 * query gets no answer and has nothing to show. What the app fetches is merged into the kept
 * set (newest wins) and written at most once a second. Resolves once the kept set is read.
 */
export async function keepQueries(client: QueryClient, user: string, options: { delayMs?: number; now?: number } = {}) {
  const { delayMs = 1000, now = Date.now() } = options;
  const db = await offlineDb();
  const record = await db.get('queries', user);
  const kept = new Map<string, KeptQuery>();
  if (record && record.buster === BUSTER && now - record.savedAt <= PERSIST_MAX_AGE) {
    for (const query of record.state.queries) kept.set(query.queryHash, query);
  }

  // hydrate never replaces an answer newer than the kept one
  const fallBack = (queries: KeptQuery[]) => hydrate(client, { mutations: [], queries });
  if (!onlineManager.isOnline()) fallBack([...kept.values()]);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const fetched = dehydrate(client, {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && persisted.has(query.queryKey[0]),
    }).queries;
    for (const query of fetched) {
      const before = kept.get(query.queryHash);
      if (!before || before.state.dataUpdatedAt <= query.state.dataUpdatedAt) kept.set(query.queryHash, query);
    }
    const queries = newestKept([...kept.values()]);
    kept.clear();
    for (const query of queries) kept.set(query.queryHash, query);
    try {
      await db.put('queries', { buster: BUSTER, savedAt: Date.now(), state: { mutations: [], queries } }, user);
    } catch (error) {
      // a full disk must not break the app: it only shows less offline
      console.warn('could not keep the answers for offline use', error);
    }
  };

  const stopOnline = onlineManager.subscribe((online) => {
    if (online) return;
    fallBack([...kept.values()]);
    // what was fetched a moment ago is kept now, not a second later
    if (timer !== undefined) {
      clearTimeout(timer);
      void save();
    }
  });

  const stopCache = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'added') return;
    const { query } = event;
    if (!persisted.has(query.queryKey[0])) return;
    if (event.type === 'updated' && event.action.type === 'error') {
      const fallback = kept.get(query.queryHash);
      // no answer and nothing shown: the kept one stands in (outside the cache's notification)
      if (fallback && query.state.data === undefined && isApiError(event.action.error, 'unavailable')) {
        queueMicrotask(() => fallBack([fallback]));
      }
      return;
    }
    if (query.state.status === 'success') timer ??= setTimeout(() => void save(), delayMs);
  });

  return {
    /** Stops keeping, writing what is pending first. */
    async stop() {
      stopOnline();
      stopCache();
      if (timer !== undefined) {
        clearTimeout(timer);
        await save();
      }
    },
  };
}

/** Forgets `user`'s kept answers (an explicit sign-out). */
export async function forgetQueries(user: string): Promise<void> {
  await (await offlineDb()).delete('queries', user);
}
