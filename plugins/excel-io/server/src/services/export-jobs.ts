import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { accessService, isDomainError } from 'strapi-plugin-access';
import type { ExcelIoConfig } from '../config';
import { queuesService, UnrecoverableJobError, type ImportJobContext, type JobRecord } from '../clients/jobs-plugin';
import type { ActorRef } from '../clients/ticketing-plugin';
import { atMostEvery } from '../export/at-most-every';
import { resolveColumns } from '../export/columns';
import { writeWordReport, HISTORY_ENTRIES } from '../export/docx/word-export';
import type { ExportRequest } from '../export/export-request';
import { describeQuery } from '../export/filter-text';
import { linkExpiry } from '../export/link-expiry';
import { EXPORT_BATCH_ROWS, EXPORT_CLEANUP_QUEUE, EXPORT_FILE_UID, EXPORT_MIME, EXPORT_PATHS, EXPORT_QUEUE } from '../export/settings';
import { writeSheet } from '../export/sheet-export';
import { defaultLayout } from '../export/sheet-layout';
import { templateLayout, type TitleValues } from '../export/template';
import { exportService } from '../export/export-services';
import { exportTicketing, type ListedTicket, type StoredObject } from '../export/ticketing-slice';

/** The payload of an export job: the checked request and who asked (ids and options only). */
export interface ExportJobData {
  request: ExportRequest;
  actor: ActorRef;
}

/** What a finished export job's record holds. */
export interface ExportResult {
  /** A pre-signed link, valid until `expiresAt`; GET /exports/:jobId/download makes a fresh one. */
  url: string;
  expiresAt: string | null;
  rows: number;
  bytes: number;
  filename: string;
  format: ExportRequest['format'];
  /** The object's key under the upload provider's root. */
  key: string;
  /** When the cleanup removes the file (EXPORT_TTL_DAYS after the export). */
  fileExpiresAt: string;
}

const DAY_MS = 86_400_000;
// how late a sheet export may notice that its job was cancelled
const CANCEL_CHECK_MS = 200;
// Excel refuses these in a sheet name, and more than 31 characters
const sheetName = (text: string) => [...text].filter((c) => !'[]:*?/\\'.includes(c)).join('').slice(0, 31) || 'Sheet1';
// a file name without path separators, characters Windows refuses, or control characters
const safeName = (text: string) => [...text].filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c)).join('') || 'export';

/** The export queue's processor, and the cleanup queue's. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::excel-io') as ExcelIoConfig;
  const timestamps = () => accessService(strapi, 'timestamps');
  const shower = () => ({ typeOf: (name: string) => exportTicketing(strapi, 'field-types').get(name), parseContext: exportTicketing(strapi, 'field-types').parseContext() });
  /** `2026-12-07 13:30` in the platform zone. */
  const wallClock = (date: Date) => (timestamps().format(date) as string).slice(0, 16).replace('T', ' ');

  async function sheetFile(ctx: ImportJobContext<ExportJobData, never>, filename: string) {
    const { request, actor } = ctx.data;
    const definition = await exportTicketing(strapi, 'ticket-types').definition(request.ticketType);
    const fieldTypes = exportTicketing(strapi, 'field-types');
    const typeOf = (name: string) => fieldTypes.get(name);
    const template = request.template ? await exportService(strapi, 'templates').load(request.template, request.ticketType) : undefined;
    // a template keeps its layout: the cells of a field the caller may not read stay blank
    const readable = exportTicketing(strapi, 'field-access').readableDefinition(definition, actor.role);
    const columns = resolveColumns(readable, template ? undefined : request.columns, request.locale, typeOf);
    const typeName = definition.name[request.locale];
    const cancelCheck = atMostEvery(CANCEL_CHECK_MS, () => ctx.throwIfCancelled());
    const titleValues = (count: number): TitleValues => ({
      typeName,
      exportedAt: wallClock(new Date()),
      exportedBy: actor.name ?? '',
      filters: describeQuery(request.query, definition, request.locale, shower()),
      count,
    });
    return writeSheet({
      format: request.format as 'xlsx' | 'csv',
      filename,
      locale: request.locale,
      layoutFor: (count) => (template ? templateLayout(template, definition, request.locale, typeOf, titleValues(count)) : defaultLayout(columns, sheetName(typeName))),
      batches: (onCount) => exportTicketing(strapi, 'tickets').streamList(request.query, { onCount, role: actor.role, batchSize: EXPORT_BATCH_ROWS[request.format as 'xlsx' | 'csv'] }),
      afterBatch: async (done, total) => {
        await cancelCheck();
        await ctx.progress({ done, total, message: `${done} / ${total}` });
      },
    });
  }

  async function wordBytes(ctx: ImportJobContext<ExportJobData, never>): Promise<{ bytes: Buffer; rows: number }> {
    const { request, actor } = ctx.data;
    const tickets = exportTicketing(strapi, 'tickets');
    const definition = await exportTicketing(strapi, 'ticket-types').definition(request.ticketType);
    const fieldTypes = exportTicketing(strapi, 'field-types');
    const readable = exportTicketing(strapi, 'field-access').readableDefinition(definition, actor.role);
    const columns = resolveColumns(readable, request.columns, request.locale, (name) => fieldTypes.get(name));
    const limit = config().exportWordLimit;
    let selected: ListedTicket[] = [];
    if (request.ticketId) selected = [await tickets.listedOne(request.ticketId, actor.role)];
    else {
      for await (const batch of tickets.streamList(request.query, { batchSize: limit + 1, role: actor.role })) {
        selected.push(...batch);
        if (selected.length > limit) throw new UnrecoverableJobError(`A Word report holds at most ${limit} tickets; this selection has more`);
      }
    }
    const storage = exportTicketing(strapi, 'storage');
    const bytes = await writeWordReport(
      selected,
      columns,
      {
        typeName: definition.name[request.locale],
        filters: request.ticketId ? request.ticketId : describeQuery(request.query, definition, request.locale, shower()),
        count: selected.length,
        exportedAt: wallClock(new Date()),
        exportedBy: actor.name ?? '',
      },
      request.locale,
      {
        readPhoto: (photo) => storage.read(photo.original),
        history: async (id) => (await tickets.history(id, 1, HISTORY_ENTRIES, actor)).entries,
        afterTicket: async (done, total) => {
          await ctx.throwIfCancelled();
          await ctx.progress({ done, total, message: `${done} / ${total}` });
        },
      },
    );
    return { bytes, rows: selected.length };
  }

  /**
   * Stores the file under exports/…, keyed by the job (a retry overwrites), and records it. A
   * sheet comes as its temporary file and is streamed; a Word report is already bytes.
   */
  async function store(ctx: ImportJobContext<ExportJobData, never>, content: Buffer | { path: string }, rows: number): Promise<ExportResult> {
    const { request } = ctx.data;
    const ext = `.${request.format}`;
    const definition = await exportTicketing(strapi, 'ticket-types').definition(request.ticketType);
    const stamp = wallClock(new Date()).replace(/[-: ]/g, '').replace(/^(\d{8})/, '$1-');
    const filename = `${safeName(definition.name[request.locale])}-${request.ticketId ?? stamp}${ext}`;
    const storage = exportTicketing(strapi, 'storage');
    const size = Buffer.isBuffer(content) ? content.length : (await fs.stat(content.path)).size;
    const key = { path: EXPORT_PATHS[request.format], hash: ctx.id, ext, mime: EXPORT_MIME[request.format], size };
    const object: StoredObject = Buffer.isBuffer(content) ? await storage.put(key, content) : await storage.putFile(key, content.path);
    const fileExpiresAt = new Date(Date.now() + config().exportTtlDays * DAY_MS);
    const files = strapi.db.query(EXPORT_FILE_UID as never);
    const data = { jobId: ctx.id, creatorId: ctx.creatorId, format: request.format, fileName: filename, object, rows, bytes: size, expiresAt: fileExpiresAt, deletedAt: null };
    if (await files.findOne({ where: { jobId: ctx.id } })) await files.update({ where: { jobId: ctx.id }, data: data as never });
    else await files.create({ data: data as never });
    const url = await storage.signedUrl(object);
    const expiresAt = linkExpiry(url);
    return {
      url,
      expiresAt: expiresAt ? timestamps().format(expiresAt) : null,
      rows,
      bytes: size,
      filename,
      format: request.format,
      key: `${object.path}/${object.hash}${object.ext}`,
      fileExpiresAt: timestamps().format(fileExpiresAt) as string,
    };
  }

  async function runExport(ctx: ImportJobContext<ExportJobData, never>): Promise<ExportResult> {
    try {
      if (ctx.data.request.format === 'docx') {
        const { bytes, rows } = await wordBytes(ctx);
        return await store(ctx, bytes, rows);
      }
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-'));
      try {
        const file = path.join(dir, `export.${ctx.data.request.format}`);
        const rows = await sheetFile(ctx, file);
        return await store(ctx, { path: file }, rows);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    } catch (error) {
      // a request that became invalid (a template or type changed since) fails at once
      if (isDomainError(error)) throw new UnrecoverableJobError((error as Error).message);
      throw error;
    }
  }

  return {
    register() {
      queuesService(strapi).registerQueue<ExportJobData, ExportResult, never>(EXPORT_QUEUE, runExport, { attempts: config().exportAttempts });
      queuesService(strapi).registerQueue<Record<string, never>, { removed: number }, never>(
        EXPORT_CLEANUP_QUEUE,
        async () => ({ removed: await exportService(strapi, 'exports').cleanup() }),
        { attempts: 1, concurrency: 1 },
      );
    },

    add(data: ExportJobData, creator: number | null): Promise<JobRecord> {
      return strapi.plugin('jobs').service('jobs').add(EXPORT_QUEUE, data, { creator }) as Promise<JobRecord>;
    },

    addCleanup(): Promise<JobRecord> {
      return strapi.plugin('jobs').service('jobs').add(EXPORT_CLEANUP_QUEUE, {}, { creator: null }) as Promise<JobRecord>;
    },
  };
};
