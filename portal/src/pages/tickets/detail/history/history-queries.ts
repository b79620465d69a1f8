import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../../auth/session';
import { queryKeys } from '../../../../services/query-keys';
import type { HistoryPage } from './history-types';

const HISTORY_PAGE_SIZE = 20;

/** The ticket's audit trail, newest first, a page at a time. */
export function useHistory(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.history(id),
    queryFn: ({ pageParam, signal }) =>
      api<HistoryPage>(`/api/ticketing/tickets/${encodeURIComponent(id)}/history`, {
        query: { page: pageParam, pageSize: HISTORY_PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.meta.pagination.page < last.meta.pagination.pageCount ? last.meta.pagination.page + 1 : undefined),
  });
}
