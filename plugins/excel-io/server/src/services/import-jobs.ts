import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
import type { ExcelIoConfig } from '../config';
import { IMPORT_QUEUE } from '../constants';
import { queuesService, UnrecoverableJobError, type ImportJobContext, type JobRecord } from '../clients/jobs-plugin';
import { ticketingService, type ActorRef, type PreparedImport, type StoredObject } from '../clients/ticketing-plugin';
import { WorkbookRefusedError } from '../reading/spreadsheet';
import { rowsInThread } from '../reading/rows-in-thread';
import { RowChecker } from '../rows/row-checker';
import { skipKind } from '../rows/row-kind';
import type { RecordedRow } from './import-rows';
import { getService } from '../utils/get-service';

/** The payload of an import job: where the file is and how to read it (decided when it was uploaded). */
export interface ImportJobData {
  object: StoredObject;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  ticketType: string;
  typeVersion: number;
  fit: number;
  sheet: string | null;
  headerRow: number;
  headers: string[];
  /** The field each column feeds, by column index; null: not imported. */
  fields: (string | null)[];
  scores: number[];
  savedMapping: string | null;
  dryRun: boolean;
  /** Rows expected, for the progress bar (an estimate for workbooks). */
  estimatedRows: number;
  actor: ActorRef;
}

/** Rows so far, by verdict. */
export interface ImportCounts {
  rows: number;
  created: number;
  valid: number;
  rejected: number;
  skipped: number;
}

/** Saved after each batch (the job's record shows it); a resumed job starts where the database says (`resumeStep`). */
export interface ImportStep {
  row: number;
  counts: ImportCounts;
}

export interface ImportResult {
  ticketType: string;
  dryRun: boolean;
  counts: ImportCounts;
}

// batches written or waiting to be while the next is checked: checking and PostgreSQL's
// writing vary batch to batch, and a second batch in hand keeps PostgreSQL from waiting
const WRITES_WAITING = 2;
// rows checked between turns of the event loop (each turn moves the insert in flight on)
const YIELD_EVERY_ROWS = 64;

/** A batch's valid rows: as checked (a dry run records them) or made ready to write (a real run). */
interface ValidRows {
  checked: { row: number; form: Record<string, unknown> }[];
  prepared: PreparedImport[];
}
const noValidRows = (): ValidRows => ({ checked: [], prepared: [] });

const zeroCounts = (): ImportCounts => ({ rows: 0, created: 0, valid: 0, rejected: 0, skipped: 0 });

/** Import jobs on the `import` queue: the processor that reads a stored file and writes its tickets. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::excel-io') as ExcelIoConfig;
  let queue: ReturnType<ReturnType<typeof queuesService>['registerQueue']> | undefined;

  /** The stored upload as a local file: the readers stream from disk, not from a buffer. */
  async function download(ctx: ImportJobContext<ImportJobData, ImportStep>): Promise<string> {
    const bytes = await ticketingService(strapi, 'storage').read(ctx.data.object);
    const file = path.join(os.tmpdir(), `excel-io-${ctx.id}-${process.pid}${ctx.data.object.ext}`);
    await fs.writeFile(file, bytes);
    return file;
  }

  function checkerFor(data: ImportJobData, definition: Awaited<ReturnType<ReturnType<typeof ticketingService<'ticket-types'>>['definition']>>) {
    const fieldTypes = ticketingService(strapi, 'field-types');
    const bulk = ticketingService(strapi, 'ticket-bulk');
    return new RowChecker(
      definition,
      data.fields,
      {
        check: (field, value, locale) => fieldTypes.check(field, value, locale),
        validateNew: (input, source, locale, parseContext) => bulk.validateNew(input, source, locale, parseContext),
      },
      fieldTypes.parseContext(),
    );
  }

  /**
   * Where an attempt starts: after the last row the database holds for this job, with the counts
   * it holds. Each batch commits its tickets and its other rows in one transaction, so the
   * database is exact where a saved step may lag one committed batch behind (a crash between
   * the commit and `saveStep`).
   */
  async function resumeStep(job: string, headerRow: number): Promise<ImportStep> {
    const [tickets, recorded] = await Promise.all([
      ticketingService(strapi, 'ticket-bulk').importedSoFar(job),
      getService(strapi, 'import-rows').summary(job),
    ]);
    const counts: ImportCounts = { ...zeroCounts(), created: tickets.created, ...recorded.counts };
    counts.rows = counts.created + counts.valid + counts.rejected + counts.skipped;
    return { row: Math.max(headerRow, tickets.lastRow, recorded.lastRow), counts };
  }

  async function processJob(ctx: ImportJobContext<ImportJobData, ImportStep>): Promise<ImportResult> {
    const data = ctx.data;
    const definition = await ticketingService(strapi, 'ticket-types').definition(data.ticketType, data.typeVersion);
    const checker = checkerFor(data, definition);
    const mapped = data.fields.flatMap((f, i) => (f === null ? [] : [i]));
    const bulk = ticketingService(strapi, 'ticket-bulk');
    const rows = getService(strapi, 'import-rows');
    const step = await resumeStep(ctx.id, data.headerRow);

    // batches are written one after another, in order (each flush awaits the one before), while
    // the next are read and checked; up to WRITES_WAITING of them may be queued
    let inflight: Promise<void> = Promise.resolve();
    const queued: Promise<void>[] = [];
    const prepare = bulk.importPreparer({ type: data.ticketType, typeVersion: data.typeVersion, job: ctx.id, actor: data.actor });
    const flush = (valid: ValidRows, other: RecordedRow[], lastRow: number, seen: number) => {
      const previous = inflight;
      inflight = (async () => {
        await previous;
        await ctx.throwIfCancelled();
        // a batch's tickets, audit entries and other rows commit together: resumeStep reads them back
        await strapi.db.connection.transaction(async (trx) => {
          await bulk.copyImported(trx, valid.prepared);
          await rows.record(ctx.id, [...valid.checked.map((v): RecordedRow => ({ row: v.row, verdict: 'valid', data: v.form })), ...other], trx);
        });
        const counts = step.counts;
        counts.rows += seen;
        counts.valid += valid.checked.length;
        counts.created += valid.prepared.length;
        counts.rejected += other.filter((r) => r.verdict === 'rejected').length;
        counts.skipped += other.filter((r) => r.verdict === 'skipped').length;
        step.row = lastRow;
        await ctx.saveStep({ row: step.row, counts: { ...counts } });
        await ctx.progress({ done: counts.rows, total: Math.max(data.estimatedRows, counts.rows), message: `row ${lastRow}` });
      })();
      // awaited before the next batch and at the end; this only keeps a failure from going unhandled meanwhile
      inflight.catch(() => undefined);
    };

    const file = await download(ctx);
    try {
      const sheetRows = rowsInThread({ path: file, fileName: data.fileName, sheet: data.sheet ?? '', after: step.row, limits: config() });
      let valid = noValidRows();
      let other: RecordedRow[] = [];
      let seen = 0;
      let lastRow = step.row;
      for await (const row of sheetRows) {
        lastRow = row.number;
        seen += 1;
        // checking is all CPU: let the batch being written get its turns on the event loop
        if (seen % YIELD_EVERY_ROWS === 0) await setImmediate();
        const skip = skipKind(row.cells, mapped);
        if (skip) other.push({ row: row.number, verdict: 'skipped', errors: { kind: skip } });
        else {
          const verdict = checker.check(row.cells);
          // a dry run records its valid rows; a real run writes them, made ready here
          if (verdict.ok && data.dryRun) valid.checked.push({ row: row.number, form: verdict.form });
          else if (verdict.ok) valid.prepared.push(prepare({ row: row.number, form: verdict.form }));
          else other.push({ row: row.number, verdict: 'rejected', errors: verdict.errors, data: verdict.data });
        }
        if (seen >= config().batchSize) {
          while (queued.length >= WRITES_WAITING) await queued.shift();
          flush(valid, other, lastRow, seen);
          queued.push(inflight);
          valid = noValidRows();
          other = [];
          seen = 0;
        }
      }
      await inflight;
      if (seen) flush(valid, other, lastRow, seen);
      await inflight;
    } catch (error) {
      if (error instanceof WorkbookRefusedError || error instanceof InvalidError) throw new UnrecoverableJobError(error.message);
      throw error;
    } finally {
      await fs.rm(file, { force: true });
    }
    return { ticketType: data.ticketType, dryRun: data.dryRun, counts: step.counts };
  }

  return {
    /** Registers the `import` queue with the jobs plugin (every process does; env decides who runs it). */
    register() {
      queue = queuesService(strapi).registerQueue<ImportJobData, ImportResult, ImportStep>(IMPORT_QUEUE, processJob, {
        attempts: config().attempts,
      });
    },

    async add(data: ImportJobData, creator: number | null): Promise<JobRecord> {
      if (!queue) throw new Error('The import queue is not registered');
      return queue.add(data, { creator });
    },
  };
};
