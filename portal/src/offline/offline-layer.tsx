import { useEffect } from 'react';
import { sessionExpired } from '../auth/session';
import { queryClient } from '../services/query-client';
import { OfflineBanner } from './offline-banner';
import { outbox } from './outbox';
import { startOutboxSync } from './outbox-sync';
import { forgetQueries, keepQueries } from './query-persist';
import { appSenders } from './senders';

interface Props {
  user: string;
  /** Called once the user's kept answers and queue are loaded (or could not be). */
  onReady: () => void;
}

/**
 * The offline machinery of a signed-in user, loaded after sign-in as a chunk of its own: their
 * kept answers put back into the query cache and kept up to date, their queue loaded and sent
 * when it can be, and the banner saying what waits.
 */
export default function OfflineLayer({ user, onReady }: Props) {
  useEffect(() => {
    const kept = keepQueries(queryClient, user);
    let sync: ReturnType<typeof startOutboxSync> | undefined;
    let cancelled = false;
    void Promise.allSettled([kept, outbox.load(user)]).then((results) => {
      results.forEach((r) => r.status === 'rejected' && console.warn('offline data could not be read', r.reason));
      onReady();
      if (!cancelled) sync = startOutboxSync(user, appSenders);
    });
    return () => {
      cancelled = true;
      sync?.stop();
      // an explicit sign-out leaves no answers behind; a lost session keeps them (and the queue) for the same user
      const signedOut = !sessionExpired();
      void kept
        .then((keeper) => keeper.stop())
        .then(() => (signedOut ? forgetQueries(user) : undefined))
        .catch((error: unknown) => console.warn('offline data could not be written', error));
      void outbox.load(null);
    };
  }, [user]);
  return <OfflineBanner />;
}
