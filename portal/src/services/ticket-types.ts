import { useQuery } from '@tanstack/react-query';
import { api, authClient, connectivity } from '../auth/session';
import { useLocale } from '../i18n/locale-provider';
import { queryKeys } from './query-keys';
import { createSchemaFetch } from './schema-fetch';
import type { TicketType } from './ticket';

/** The active ticket types. */
export function useTicketTypes() {
  return useQuery({
    queryKey: queryKeys.ticketTypes,
    queryFn: ({ signal }) => api<{ data: TicketType[] }>('/api/ticketing/ticket-types', { signal }).then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

const fetchSchema = createSchemaFetch(authClient, connectivity);

/**
 * A type's form schema in the UI language; `version` selects the revision a ticket was
 * written with (the current one when absent).
 */
export function useTypeSchema(key: string | undefined, version?: number) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: queryKeys.typeSchema(key ?? '', locale, version),
    // with the ETag of the last answer: an unchanged schema comes back as a bodiless 304
    queryFn: ({ signal }) => fetchSchema(key!, locale, version, signal),
    enabled: !!key,
    staleTime: 5 * 60_000,
  });
}
