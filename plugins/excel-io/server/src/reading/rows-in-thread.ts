import { Worker } from 'node:worker_threads';
import { WorkbookRefusedError } from './zip-guard';
import type { ZipLimits } from './zip-guard';
import type { ReadLimits, SheetRow } from './xlsx-rows';

/** What the reading thread is asked: a file on disk, its sheet, and the rows already done. */
export interface ReadRequest {
  path: string;
  fileName: string;
  sheet: string;
  /** Rows up to this Excel row number are skipped (a resumed job). */
  after: number;
  limits: ZipLimits & ReadLimits;
}

/** What the reading thread posts: a batch of rows, the end, or why it stopped. */
export type ReadMessage = { rows: SheetRow[] } | { done: true } | { failed: { refused: boolean; message: string } };

// room for a few batches of exceljs' short-lived objects, so they die young instead of being promoted
const THREAD_YOUNG_GENERATION_MB = 48;

const isDate = (value: object): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/**
 * A row as it left the thread. Its Dates were made from the main context's built-ins, which are
 * not this module's `Date` when the code runs in a VM context (jest): `instanceof Date` would fail.
 */
function revived(row: SheetRow): SheetRow {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'object' && cell !== null && !(cell instanceof Date) && isDate(cell)) cells[i] = new Date(cell.getTime());
  }
  return row;
}

/**
 * The rows of one sheet, read and turned into plain cells by a worker thread
 * (`read-rows-thread.ts`). Parsing the workbook's XML makes tens of kilobytes of short-lived
 * objects per row; in the Strapi process, whose heap holds ~100 MB of its own, each full
 * collection they provoked took ~100 ms and the collector was over a third of an import's CPU.
 * The thread's heap holds only the reader. It reads ahead at most a few batches (credits).
 * A workbook the reader refuses is a `WorkbookRefusedError`, as from `openSpreadsheet`.
 */
export async function* rowsInThread(request: ReadRequest): AsyncGenerator<SheetRow> {
  const worker = new Worker(require.resolve('strapi-plugin-excel-io/read-rows-thread'), {
    workerData: request,
    resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
  });
  const inbox: ReadMessage[] = [];
  let wake: (() => void) | null = null;
  const deliver = (message: ReadMessage) => {
    inbox.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', deliver);
  worker.on('error', (error: Error) => deliver({ failed: { refused: false, message: `the reading thread failed: ${error.message}` } }));
  worker.on('exit', (code) => deliver({ failed: { refused: false, message: `the reading thread stopped (exit code ${code})` } }));
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
      } else if ('rows' in message) {
        worker.postMessage('more');
        for (const row of message.rows) yield revived(row);
      } else if ('done' in message) {
        return;
      } else {
        throw message.failed.refused ? new WorkbookRefusedError(message.failed.message) : new Error(message.failed.message);
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
