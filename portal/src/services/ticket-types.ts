import { useQuery } from '@tanstack/react-query';
import { api } from '../auth/session';
import { useLocale } from '../i18n/locale-provider';
import { queryKeys } from './query-keys';
import type { TypeSchema } from './schema-types';
import type { TicketType } from './ticket';

/** The active ticket types. */
export function useTicketTypes() {
  return useQuery({
    queryKey: queryKeys.ticketTypes,
    queryFn: ({ signal }) => api<{ data: TicketType[] }>('/api/ticketing/ticket-types', { signal }).then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

/**
 * A type's form schema in the UI language; `version` selects the revision a ticket was
 * written with (the current one when absent).
 */
export function useTypeSchema(key: string | undefined, version?: number) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: queryKeys.typeSchema(key ?? '', locale, version),
    queryFn: ({ signal }) =>
      api<{ data: TypeSchema }>(`/api/ticketing/ticket-types/${encodeURIComponent(key!)}/schema`, {
        query: { locale, version },
        signal,
      }).then((r) => r.data),
    enabled: !!key,
    staleTime: 5 * 60_000,
  });
}
