import { onlineManager, QueryClient } from '@tanstack/react-query';
import { PERSISTED_GC_MS, PERSISTED_KEYS } from '../offline/persisted-keys';

/**
 * The app's query cache. No automatic retries: a server that is down gets the banner and its
 * retry button instead of a silent back-off, and a 4xx will not change by asking again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: 15_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// what is kept on the device for offline use stays in memory as long, or the next write of
// the kept copy would drop it
for (const key of PERSISTED_KEYS) queryClient.setQueryDefaults([key], { gcTime: PERSISTED_GC_MS });

// react-query hears the browser's online/offline events, but assumes online at start: a page
// opened without a network must not try (and fail) every query it has kept answers for
if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
