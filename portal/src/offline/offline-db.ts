import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedEntry } from './outbox-types';
import type { PersistedQueries } from './query-persist';

interface OfflineSchema extends DBSchema {
  /** Changes and photos waiting to be sent, in the order they were made. */
  outbox: { key: number; value: QueuedEntry; indexes: { user: string } };
  /** The signed-in user's cached API answers (what the portal shows offline), one record per user. */
  queries: { key: string; value: PersistedQueries };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

let opened: Promise<OfflineDb> | null = null;

/** The portal's IndexedDB database (kept on disk: it survives closing the app and restarting the phone). */
export function offlineDb(name = 'portal-offline'): Promise<OfflineDb> {
  opened ??= openDB<OfflineSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('user', 'userId');
      db.createObjectStore('queries');
    },
  });
  return opened;
}

/** Forgets the open connection (specs open a fresh database each). */
export function closeOfflineDb(): void {
  void opened?.then((db) => db.close());
  opened = null;
}
