import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../auth/session';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';
import { isOpen, type Job } from './jobs';

const POLL_MS = 1000;

/** One job, polled every second while it is open; a finished job is not asked for again. */
export function useJob<Result>(jobId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => api<{ data: Job<Result> }>(`/api/jobs/${encodeURIComponent(jobId!)}`, { signal }).then((r) => r.data),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && !isOpen(query.state.data) ? false : POLL_MS),
    staleTime: (query) => (query.state.data && !isOpen(query.state.data) ? Infinity : 0),
  });
}

/** The caller's jobs of `kind`, newest first; polled while one of them is open. */
export function useJobs<Result, Params = unknown>(kind: string) {
  return useQuery({
    queryKey: queryKeys.jobs(kind),
    queryFn: ({ signal }) =>
      api<{ data: Job<Result, Params>[] }>('/api/jobs', { query: { kind, pageSize: 50 }, signal }).then((r) => r.data),
    refetchInterval: (query) => (query.state.data?.some((job) => isOpen(job)) ? 2 * POLL_MS : false),
  });
}

/** Asks for a job's cancellation (a running job ends at its next step boundary). */
export function useCancelJob() {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (jobId: string) => api<{ data: Job }>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`, { method: 'POST' }).then((r) => r.data),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(job.documentId), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs(job.kind) });
    },
    onError: (error: Error) => void message.error(error.message),
  });
}
