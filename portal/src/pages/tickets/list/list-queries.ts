import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../auth/session';
import { queryKeys } from '../../../services/query-keys';
import type { Ticket } from '../../../services/ticket';
import { toApiQuery } from './list-state';
import type { FilterSpec, ListState } from './types';

/** GET /api/ticketing/tickets: a page and its pagination (total exact up to the server's limit). */
export interface TicketPage {
  data: Ticket[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number; totalIsLowerBound?: boolean } };
}

/** One page of tickets for a list state; the previous page stays on screen while the next loads. */
export function useTicketList(state: ListState, specs: FilterSpec[], enabled: boolean) {
  const query = toApiQuery(state, specs).toString();
  return useQuery({
    queryKey: queryKeys.ticketList(query),
    queryFn: ({ signal }) => api<TicketPage>(`/api/ticketing/tickets?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
