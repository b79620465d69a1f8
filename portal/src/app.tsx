import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { LocaleProvider } from './i18n/locale-provider';
import { OfflineGate } from './offline/offline-gate';
import { router } from './router';
import { queryClient } from './services/query-client';

/**
 * The providers every page needs: language (antd + dayjs), the query cache, the offline layer
 * (service worker, kept answers, the queue of unsent changes), routes. antd's App (the message
 * API) is provided by the signed-in frame, so the login page does not load it.
 */
export function App() {
  return (
    <LocaleProvider>
      <QueryClientProvider client={queryClient}>
        <OfflineGate>
          <RouterProvider router={router} />
        </OfflineGate>
      </QueryClientProvider>
    </LocaleProvider>
  );
}
