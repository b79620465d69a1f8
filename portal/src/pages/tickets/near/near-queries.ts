import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../auth/session';
import { queryKeys } from '../../../services/query-keys';
import { OPEN_STATUSES } from '../../my-tickets/my-tickets-state';
import type { TicketPage } from '../list/list-queries';
import type { Ticket } from '../../../services/ticket';

/** A ticket of a near list: the server adds its distance from the point, in metres. */
export type NearTicket = Ticket & { distance: number };
export const NEAR_PAGE_SIZE = 20;

/** The list query of the open tickets nearest to a point (6 decimals: about 10 cm). */
export function nearQuery(point: { lng: number; lat: number }, page: number): URLSearchParams {
  return new URLSearchParams({
    near: `${point.lng.toFixed(6)},${point.lat.toFixed(6)}`,
    status: OPEN_STATUSES.join(','),
    page: String(page),
    pageSize: String(NEAR_PAGE_SIZE),
  });
}

/** A page of the open tickets nearest to `point`, once there is one. */
export function useNearTickets(point: { lng: number; lat: number } | null, page: number) {
  const query = point ? nearQuery(point, page).toString() : '';
  return useQuery({
    queryKey: queryKeys.ticketList(query),
    queryFn: ({ signal }) => api<TicketPage & { data: NearTicket[] }>(`/api/ticketing/tickets?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: point !== null,
  });
}

/** A distance as a phone shows it: metres below 1 km, else km with one decimal below 100 km. */
export function distanceParts(metres: number): { unit: 'metres' | 'km'; n: string } {
  // rounded first: 999.6 m is "1.0 km", not "1000 m"
  if (Math.round(metres) < 1000) return { unit: 'metres', n: String(Math.round(metres)) };
  return { unit: 'km', n: metres < 100_000 ? (metres / 1000).toFixed(1) : String(Math.round(metres / 1000)) };
}
