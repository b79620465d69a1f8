import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { downloadWithToken } from '../../api/download';
import { uploadFile } from '../../api/upload';
import { api, authClient } from '../../auth/session';
import { useLocale } from '../../i18n/locale-provider';
import { queryClient } from '../../services/query-client';
import { queryKeys } from '../../services/query-keys';
import type { Job } from '../../services/jobs';
import type { ImportChoices, ImportJobResult, ImportPreview, ImportReport, RowStatus } from './import-types';

const BASE = '/api/excel-io/imports';
const encode = encodeURIComponent;

/** The multipart text parts of the wizard's choices (absent ones are left to the server). */
function choiceFields(choices: ImportChoices): Record<string, string> {
  const fields: Record<string, string> = {};
  if (choices.ticketType) fields.ticketType = choices.ticketType;
  if (choices.sheet) fields.sheet = choices.sheet;
  if (choices.mapping) fields.mapping = JSON.stringify(choices.mapping);
  return fields;
}

/** Reads the file as an import would (POST …/preview): nothing is stored. */
export function usePreviewImport() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: ({ file, choices }: { file: File; choices: ImportChoices }) =>
      uploadFile<{ data: ImportPreview }>(authClient, `${BASE}/preview`, file, { field: 'file', locale, fields: choiceFields(choices) }).then(
        (r) => r.data,
      ),
  });
}

/** Queues an import of the file (a dry run, or the real one remembering the mapping); answers the job. */
export function useStartImport() {
  const { locale } = useLocale();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ file, choices, dryRun }: { file: File; choices: ImportChoices; dryRun: boolean }) =>
      uploadFile<{ data: Job<ImportJobResult> }>(authClient, BASE, file, {
        field: 'file',
        locale,
        fields: { ...choiceFields(choices), dryRun: String(dryRun), ...(dryRun ? {} : { saveMapping: 'true' }) },
      }).then((r) => r.data),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(job.documentId), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs('import') });
    },
    onError: (error: Error) => void message.error(error.message),
  });
}

/** An import's report (rows narrowed to `status` when given); read once its job has ended. */
export function useImportReport(jobId: string | undefined, status: RowStatus | undefined, enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: [...queryKeys.importReport(jobId ?? '', status), locale],
    queryFn: ({ signal }) =>
      api<{ data: ImportReport }>(`${BASE}/${encode(jobId!)}/report`, { query: { status, locale }, signal }).then((r) => r.data),
    enabled: !!jobId && enabled,
    staleTime: Infinity,
  });
}

/** Saves the import's error workbook (the rejected rows, bad cells in red). */
export function useDownloadErrorWorkbook() {
  const { locale } = useLocale();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ jobId, fileName }: { jobId: string; fileName: string }) =>
      downloadWithToken(authClient, `${BASE}/${encode(jobId)}/report.xlsx?locale=${encode(locale)}`, errorWorkbookName(fileName), locale),
    onError: (error: Error) => void message.error(error.message),
  });
}

/** `dev04.xlsx` → `dev04-errors.xlsx`. */
export function errorWorkbookName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '') || 'import';
  return `${base}-errors.xlsx`;
}

