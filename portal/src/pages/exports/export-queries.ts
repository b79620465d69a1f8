import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../auth/session';
import { queryClient } from '../../services/query-client';
import { queryKeys } from '../../services/query-keys';
import type { Job } from '../../services/jobs';
import type { ExportRequestBody, ExportResult, ExportTemplate } from './export-types';

/** The .xlsx templates an export of `ticketType` may use (read while the dialog is open). */
export function useExportTemplates(ticketType: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.exportTemplates(ticketType ?? ''),
    queryFn: ({ signal }) => api<{ data: ExportTemplate[] }>('/api/excel-io/templates', { query: { ticketType }, signal }).then((r) => r.data),
    enabled: !!ticketType && enabled,
  });
}

/** Remembers a started export job and refreshes "My exports". */
function started(job: Job<ExportResult>) {
  queryClient.setQueryData(queryKeys.job(job.documentId), job);
  void queryClient.invalidateQueries({ queryKey: queryKeys.jobs('export') });
}

/** Queues an export of the list (POST /api/excel-io/exports); answers the job. */
export function useStartExport() {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (data: ExportRequestBody) =>
      api<{ data: Job<ExportResult> }>('/api/excel-io/exports', { method: 'POST', body: { data } }).then((r) => r.data),
    onSuccess: started,
    onError: (error: Error) => void message.error(error.message),
  });
}

/** Queues one ticket's Word report (POST /api/excel-io/tickets/:id/report); answers the job. */
export function useStartWordReport(ticketId: string) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: () =>
      api<{ data: Job<ExportResult> }>(`/api/excel-io/tickets/${encodeURIComponent(ticketId)}/report`, { method: 'POST' }).then((r) => r.data),
    onSuccess: started,
    onError: (error: Error) => void message.error(error.message),
  });
}
