import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { InvalidError, NotFoundError, type Actor } from 'strapi-plugin-access';
import { IMPORT_QUEUE } from '../constants';
import { jobsService } from '../clients/jobs-plugin';
import { ticketingService, type Locale } from '../clients/ticketing-plugin';
import { writeErrorWorkbook, type RowToFix } from '../report/report-workbook';
import type { RowError } from '../rows/row-checker';
import type { ImportJobData } from './import-jobs';
import { getService } from '../utils/get-service';

type RowStatus = 'created' | 'valid' | 'rejected' | 'skipped';

/** One row of a report. */
export interface ReportRow {
  row: number;
  status: RowStatus;
  errors: { field: string; message: string }[];
  data: Record<string, unknown>;
  ticket: string | null;
  kind?: string;
}

const STATUSES: RowStatus[] = ['created', 'valid', 'rejected', 'skipped'];
const ERROR_HEADER: Record<Locale, string> = { 'zh-CN': '错误', en: 'Errors' };

/** Reports of import jobs: the rows with their verdicts, as JSON or as the workbook to fix. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The import job when `actor` may read it (its creator, or an admin); 404 otherwise. */
  async function importJob(jobId: string, actor: Actor) {
    const record = await jobsService(strapi).findOne(jobId, actor);
    if (record.kind !== IMPORT_QUEUE) throw new NotFoundError(`Import ${jobId} not found`);
    return { record, data: record.params as ImportJobData };
  }

  async function rowsOf(jobId: string, data: ImportJobData, locale: Locale): Promise<ReportRow[]> {
    const created = data.dryRun ? [] : await ticketingService(strapi, 'ticket-bulk').importedBy(jobId);
    const recorded = await getService(strapi, 'import-rows').ofJob(jobId);
    const rows: ReportRow[] = created.map((c) => ({ row: c.row, status: 'created', errors: [], data: c.form, ticket: c.documentId }));
    for (const r of recorded) {
      if (r.verdict === 'rejected') {
        const errors = (r.errors as RowError[]).map((e) => ({ field: e.field, message: e.message[locale] ?? e.message.en }));
        rows.push({ row: r.row, status: 'rejected', errors, data: r.data ?? {}, ticket: null });
      } else if (r.verdict === 'skipped') {
        rows.push({ row: r.row, status: 'skipped', errors: [], data: {}, ticket: null, kind: (r.errors as { kind: string } | undefined)?.kind });
      } else rows.push({ row: r.row, status: 'valid', errors: [], data: r.data ?? {}, ticket: null });
    }
    return rows.sort((a, b) => a.row - b.row);
  }

  return {
    /** GET /imports/:jobId/report — `?status=` narrows the rows; counts are always the whole file's. */
    async report(jobId: string, actor: Actor, locale: Locale, query: Record<string, unknown>) {
      const { record, data } = await importJob(jobId, actor);
      const status = query.status;
      if (status !== undefined && !STATUSES.includes(status as RowStatus)) throw new InvalidError(`status must be one of ${STATUSES.join(', ')}`);
      const rows = await rowsOf(jobId, data, locale);
      const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
      const mapping: Record<string, string | null> = {};
      const mappingScores: Record<string, number> = {};
      data.headers.forEach((header, i) => {
        // a header text twice: the column that feeds a field speaks for it
        if (!header.trim() || mapping[header]) return;
        mapping[header] = data.fields[i];
        mappingScores[header] = data.scores[i];
      });
      return {
        job: { id: record.documentId, status: record.status, error: record.error, progress: record.progress },
        fileName: data.fileName,
        format: data.format,
        encoding: data.encoding,
        dryRun: data.dryRun,
        ticketType: data.ticketType,
        typeVersion: data.typeVersion,
        fit: data.fit,
        sheet: data.sheet,
        headerRow: data.headerRow,
        mapping,
        mappingScores,
        savedMapping: data.savedMapping,
        rows: status ? rows.filter((r) => r.status === status) : rows,
        counts: { rows: rows.length, ...counts },
      };
    },

    /** GET /imports/:jobId/report.xlsx — the rejected rows as they were, with an error column and bad cells marked. */
    async errorWorkbook(jobId: string, actor: Actor, locale: Locale): Promise<{ fileName: string; bytes: Buffer }> {
      const { data } = await importJob(jobId, actor);
      const rows = await rowsOf(jobId, data, locale);
      const toFix = new Map<number, RowToFix>();
      for (const r of rows) {
        if (r.status !== 'rejected') continue;
        const errorColumns = r.errors.flatMap((e) => data.fields.flatMap((f, i) => (f === e.field ? [i] : [])));
        toFix.set(r.row, { errorColumns, message: r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
      }
      const bytes = await ticketingService(strapi, 'storage').read(data.object);
      const file = path.join(os.tmpdir(), `excel-io-report-${jobId}-${process.pid}${data.object.ext}`);
      await fs.writeFile(file, bytes);
      try {
        const spreadsheet = await getService(strapi, 'plans').open(file, data.fileName);
        const workbook = await writeErrorWorkbook(data.headers, ERROR_HEADER[locale], spreadsheet.rows(data.sheet ?? ''), toFix);
        const base = data.fileName.replace(/\.[^.]+$/, '');
        return { fileName: `${base}.errors.xlsx`, bytes: workbook };
      } finally {
        await fs.rm(file, { force: true });
      }
    },
  };
};
