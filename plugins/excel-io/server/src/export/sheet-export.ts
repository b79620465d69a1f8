import { cellOf, textOf, type ExportCell } from './cell-values';
import { CsvExportWriter } from './csv-writer';
import type { ExportColumn } from './columns';
import type { SheetLayout } from './sheet-layout';
import type { ListedTicket, Locale } from './ticketing-slice';
import { XlsxExportWriter } from './xlsx-writer';

/** What a spreadsheet export is made of: where to write, the rows, and how to report progress. */
export interface SheetExport {
  format: 'xlsx' | 'csv';
  filename: string;
  locale: Locale;
  /** The layout, once the number of rows is known (a template's `{{count}}`). */
  layoutFor(count: number): SheetLayout;
  /** The tickets in batches; calls `onCount` before the first. */
  batches(onCount: (count: number) => void): AsyncIterable<ListedTicket[]>;
  /** After each batch: rows done of the total; may throw to stop (a cancelled job). */
  afterBatch(done: number, total: number): Promise<void>;
}

/**
 * Streams tickets into an .xlsx or CSV file, a batch at a time: a row's cells are made, written
 * and dropped before the next batch is fetched. Returns how many rows were written.
 */
export async function writeSheet(job: SheetExport): Promise<number> {
  return job.format === 'csv' ? writeCsv(job) : writeXlsx(job);
}

async function writeCsv(job: SheetExport): Promise<number> {
  let total = 0;
  let writer: CsvExportWriter | undefined;
  let columns: ExportColumn[] = [];
  let done = 0;
  for await (const batch of job.batches((count) => (total = count))) {
    if (!writer) {
      columns = job.layoutFor(total).columns;
      writer = new CsvExportWriter(job.filename, columns.map((c) => c.header));
    }
    for (const ticket of batch) writer.addRow(columns.map((column) => textOf(column, ticket, job.locale)));
    await writer.drain();
    done += batch.length;
    await job.afterBatch(done, total);
  }
  writer ??= new CsvExportWriter(job.filename, job.layoutFor(total).columns.map((c) => c.header));
  await writer.finish();
  return writer.rows;
}

async function writeXlsx(job: SheetExport): Promise<number> {
  let total = 0;
  let writer: XlsxExportWriter | undefined;
  let layout: SheetLayout | undefined;
  const open = (sample: ExportCell[][]) => {
    const xlsx = new XlsxExportWriter(job.filename, layout ?? job.layoutFor(total));
    xlsx.start(sample);
    return xlsx;
  };
  let done = 0;
  for await (const batch of job.batches((count) => (total = count))) {
    layout ??= job.layoutFor(total);
    const columns = layout.columns;
    const cellsOf = (ticket: ListedTicket) => columns.map((column) => cellOf(column, ticket, job.locale));
    if (!writer) {
      // the first batch is also the sample the column widths are fitted to
      const sample = batch.map(cellsOf);
      writer = open(sample);
      for (const cells of sample) writer.addRow(cells);
    } else {
      // one row's cells at a time: made, written, dropped while still young garbage
      for (const ticket of batch) writer.addRow(cellsOf(ticket));
    }
    done += batch.length;
    await job.afterBatch(done, total);
  }
  writer ??= open([]);
  await writer.finish();
  return writer.rows;
}
