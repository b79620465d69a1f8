import { onlineManager, QueryClient } from '@tanstack/react-query';

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

// react-query hears the browser's online/offline events, but assumes online at start: a page
// opened without a network must wait for one (showing the answers kept on the device,
// src/offline/) instead of failing every query
if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
