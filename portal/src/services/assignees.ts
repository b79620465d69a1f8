import { useQuery } from '@tanstack/react-query';
import { api } from '../auth/session';
import { queryKeys } from './query-keys';

/** Someone tickets can be assigned to (GET /api/ticketing/assignees). */
export interface Assignee {
  id: number;
  username: string;
  role: string;
}

/** Who tickets can be assigned to; only asked for by those who may assign others. */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.assignees,
    queryFn: ({ signal }) => api<{ data: Assignee[] }>('/api/ticketing/assignees', { signal }).then((r) => r.data),
    enabled,
    staleTime: 60_000,
  });
}
