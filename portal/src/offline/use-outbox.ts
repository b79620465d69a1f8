import { useSyncExternalStore } from 'react';
import { outbox } from './outbox';
import type { OutboxItem } from './outbox-types';

/** The signed-in user's queued changes, oldest first, following every change of the queue. */
export function useOutboxItems(): OutboxItem[] {
  return useSyncExternalStore(outbox.subscribe, outbox.items);
}
