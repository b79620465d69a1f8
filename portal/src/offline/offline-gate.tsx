import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useSignedInUser } from './signed-in-user';

// the offline machinery (IndexedDB, the queue, the banner) is a chunk of its own: the login page does not load it
const OfflineLayer = lazy(() => import('./offline-layer'));

/**
 * Around the app: registers the service worker once the page is up, and for a signed-in user
 * mounts the offline layer above the pages. A user signed in when the app starts sees the
 * pages only once their kept answers are back in the cache, so a page opened offline finds them.
 */
export function OfflineGate({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const [ready, setReady] = useState(() => user === null);
  useEffect(() => {
    void import('./register-sw').then((sw) => sw.registerServiceWorker());
  }, []);
  return (
    <>
      {user !== null && (
        <Suspense fallback={null}>
          <OfflineLayer key={user} user={user} onReady={() => setReady(true)} />
        </Suspense>
      )}
      {ready || user === null ? children : null}
    </>
  );
}
