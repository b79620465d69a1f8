import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { isApiError } from '../../../../api/api-error';
import { api } from '../../../../auth/session';
import { useLocale, useT } from '../../../../i18n/locale-provider';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import type { FormValues, Ticket } from '../../../../services/ticket';
import type { JobRecord, OcrResult, SuggestionsAnswer } from './ocr-types';
import type { TicketAnswer } from '../types';

const POLL_MS = 1000;
const encode = encodeURIComponent;

/** The ticket's stored OCR results, one per photo read, in the ticket's photo order (fresh signed URLs). */
export function useOcrResults(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.ocrResults(ticketId),
    queryFn: ({ signal }) => api<{ data: OcrResult[] }>('/api/ocr/results', { query: { ticket: ticketId }, signal }).then((r) => r.data),
    enabled,
    // the photo URLs are signed for 15 minutes
    staleTime: 5 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}

/**
 * The field suggestions read from the ticket's OCR results, each value also as the form shows
 * it in the UI language (`display`): asked for in that language, and again when it changes.
 */
export function useOcrSuggestions(ticketId: string, enabled = true) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: queryKeys.ocrSuggestions(ticketId, locale),
    queryFn: ({ signal }) =>
      api<SuggestionsAnswer>(`/api/ocr/tickets/${encode(ticketId)}/suggestions`, { query: { locale }, signal }),
    enabled,
  });
}

/**
 * An OCR job's record, polled every second while it is queued or running; once it has
 * succeeded the ticket's results and suggestions are read again.
 */
export function useOcrJob(ticketId: string, jobId: string | null) {
  return useQuery({
    queryKey: queryKeys.job(jobId ?? ''),
    queryFn: async ({ signal }) => {
      const job = await api<{ data: JobRecord }>(`/api/jobs/${encode(jobId!)}`, { signal }).then((r) => r.data);
      if (job.status === 'succeeded') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: queryKeys.ocrResults(ticketId) }),
          queryClient.invalidateQueries({ queryKey: queryKeys.ocrSuggestions(ticketId) }),
        ]);
      }
      return job;
    },
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && !['queued', 'running'].includes(query.state.data.status) ? false : POLL_MS),
    // a finished job does not change: no refetch on focus
    staleTime: (query) => (query.state.data && !['queued', 'running'].includes(query.state.data.status) ? Infinity : 0),
  });
}

/** Starts an OCR job on the ticket's photos (all of them, or `images`); answers the job record. */
export function useStartOcr(ticketId: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: (images?: string[]) =>
      api<{ data: JobRecord }>('/api/ocr/jobs', { method: 'POST', body: { data: { ticket: ticketId, ...(images ? { images } : {}) } } }).then(
        (r) => r.data,
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(job.documentId), job);
      void message.info(t('ocr.started'));
    },
    onError: (error: Error) => void message.error(error.message),
  });
}

/**
 * Writes accepted values into the ticket at `version` (POST /api/ocr/tickets/:id/apply). The
 * answer becomes the cached ticket (the form follows it); a 409 reloads the ticket and says
 * so; a 400 is left to the caller to show on its fields.
 */
export function useApplyOcr(ticketId: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: ({ values, version }: { values: FormValues; version: number }) =>
      api<TicketAnswer>(`/api/ocr/tickets/${encode(ticketId)}/apply`, { method: 'POST', body: { data: { values, version } } }).then(
        (r) => r.data,
      ),
    onSuccess: (ticket: Ticket, { values }) => {
      queryClient.setQueryData(queryKeys.ticket(ticket.documentId), ticket);
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(ticket.documentId) });
      void message.success(t('ocr.applied', { count: Object.keys(values).length }));
    },
    onError: (error: Error) => {
      if (isApiError(error, 'http', 409)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
        void message.warning(t('ocr.stale'));
      } else if (!isApiError(error, 'http', 400)) void message.error(error.message);
    },
  });
}
