import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { RouterProvider } from 'react-router/dom';
import { LocaleProvider } from './i18n/locale-provider';
import { router } from './router';
import { queryClient } from './services/query-client';

/** The providers every page needs: language (antd + dayjs), the query cache, antd's message API, routes. */
export function App() {
  return (
    <LocaleProvider>
      <QueryClientProvider client={queryClient}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </QueryClientProvider>
    </LocaleProvider>
  );
}
