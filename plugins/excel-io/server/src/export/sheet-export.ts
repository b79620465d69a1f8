import { cellOf } from './cell-values';
import { CsvExportWriter } from './csv-writer';
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
  let total = 0;
  let writer: XlsxExportWriter | CsvExportWriter | undefined;
  let layout: SheetLayout | undefined;
  const open = (sample: ReturnType<typeof cellOf>[][]) => {
    const opened = layout ?? job.layoutFor(total);
    if (job.format === 'csv') return new CsvExportWriter(job.filename, opened.columns.map((c) => c.header));
    const xlsx = new XlsxExportWriter(job.filename, opened);
    xlsx.start(sample);
    return xlsx;
  };
  let done = 0;
  for await (const batch of job.batches((count) => (total = count))) {
    if (!layout) layout = job.layoutFor(total);
    const columns = layout.columns;
    const cellsOf = (ticket: ListedTicket) => columns.map((column) => cellOf(column, ticket, job.locale));
    if (!writer) {
      // the first batch is also the sample the column widths are fitted to
      const sample = batch.map(cellsOf);
      writer = open(sample);
      for (const cells of sample) await writer.addRow(cells);
    } else {
      // one row's cells at a time: made, written, dropped while still young garbage
      for (const ticket of batch) await writer.addRow(cellsOf(ticket));
    }
    done += batch.length;
    await job.afterBatch(done, total);
  }
  writer ??= open([]);
  await writer.finish();
  return writer.rows;
}
