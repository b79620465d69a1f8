import { onlineManager } from '@tanstack/react-query';
import { outbox as appOutbox, type Outbox } from './outbox';
import { drainOutbox, type DrainEnd, type Senders } from './outbox-drain';

// a phone with one bar may say it is online and still get no answers: try again now and then
const RETRY_MS = 20_000;

/** Only one tab sends the queue at a time (a second drain would send the same entry twice). */
function withQueueLock(work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request('portal.outbox', { ifAvailable: true }, (lock) => (lock ? work() : undefined)) as Promise<void>;
}

let current: { sync: () => Promise<void> } | null = null;

/** Sends the signed-in user's queue now (after a conflict was decided); nothing when no sync runs. */
export const syncOutboxNow = (): Promise<void> => current?.sync() ?? Promise.resolve();

/**
 * Sends `user`'s queue whenever there may be something to send and a way to send it: at the
 * start, when the browser comes online, after something is queued, and every 20 s while
 * entries wait. Returns `sync` (send now) and `stop`.
 */
export function startOutboxSync(user: string, senders: Senders, outbox: Outbox = appOutbox, onEnd?: (end: DrainEnd) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const sync = (): Promise<void> => {
    if (stopped || !onlineManager.isOnline()) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = withQueueLock(async () => {
      do {
        again = false;
        const end = await drainOutbox(outbox, user, senders);
        onEnd?.(end);
        if (end !== 'empty') break;
      } while (again && !stopped);
    })
      .catch((error: unknown) => console.warn('sending the offline queue failed; it is kept', error))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const waiting = () => outbox.items().some((item) => item.state === 'waiting');
  let queued = outbox.items().length;
  const unsubscribe = outbox.subscribe(() => {
    const count = outbox.items().length;
    if (count > queued) void sync();
    queued = count;
  });
  const unsubscribeOnline = onlineManager.subscribe((online) => online && void sync());
  const timer = setInterval(() => waiting() && void sync(), RETRY_MS);
  void sync();

  const handle = { sync };
  current = handle;
  return {
    sync,
    stop() {
      stopped = true;
      if (current === handle) current = null;
      unsubscribe();
      unsubscribeOnline();
      clearInterval(timer);
    },
  };
}
