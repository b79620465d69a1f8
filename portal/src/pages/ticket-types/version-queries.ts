import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../auth/session';
import { queryClient } from '../../services/query-client';
import { queryKeys } from '../../services/query-keys';
import type { Job } from '../../services/jobs';
import type { MigrationBody, MigrationOutcome, MigrationReport, MigrationResult, TypeVersions } from './version-types';

const base = (key: string) => `/api/ticketing/ticket-types/${encodeURIComponent(key)}`;

/** A type's versions with their ticket counts (admins). */
export function useTypeVersions(key: string | undefined) {
  return useQuery({
    queryKey: queryKeys.typeVersions(key ?? ''),
    queryFn: ({ signal }) => api<{ data: TypeVersions }>(`${base(key!)}/versions`, { signal }).then((r) => r.data),
    enabled: !!key,
  });
}

/** Starts a migration (dry run or real); answers the job record. */
export function useStartMigration(key: string) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: MigrationBody) => api<{ data: Job<MigrationResult> }>(`${base(key)}/migrations`, { method: 'POST', body }).then((r) => r.data),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(job.documentId), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs('ticket-migration') });
    },
    onError: (error: Error) => void message.error(error.message),
  });
}

/** A page of a finished migration's report, optionally of one outcome. */
export function useMigrationReport(key: string, jobId: string | undefined, outcome: MigrationOutcome | undefined, page: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.migrationReport(jobId ?? '', outcome ?? 'all', page),
    queryFn: ({ signal }) =>
      api<{ data: MigrationReport; meta: { pagination: { total: number; pageSize: number } } }>(
        `${base(key)}/migrations/${encodeURIComponent(jobId!)}/report`,
        { query: { outcome, page, pageSize: 20 }, signal },
      ),
    enabled: enabled && !!jobId,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
