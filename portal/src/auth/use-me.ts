import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../services/query-keys';
import type { Me } from './access';
import { api } from './session';

/** The caller's role and rights (GET /api/ticketing/me). */
export function useMe(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api<{ data: Me }>('/api/ticketing/me', { signal }).then((r) => r.data),
    enabled,
    staleTime: 5 * 60_000,
  });
}
