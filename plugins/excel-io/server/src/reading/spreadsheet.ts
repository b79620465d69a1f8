import fs from 'node:fs/promises';
import { decodeCsv, EncodingError } from './text-encoding';
import { csvRecords } from './csv-rows';
import { fileKind } from './file-kind';
import { SheetLimitError, xlsxSheets, type ReadLimits, type SheetRow } from './xlsx-rows';
import { checkWorkbookZip, WorkbookRefusedError, type ZipLimits } from './zip-guard';

export { WorkbookRefusedError };

/** The first rows of a sheet, for finding its header and previewing it. */
export interface SheetHead {
  name: string;
  index: number;
  rows: SheetRow[];
}

/** An uploaded file, checked, ready to be read. */
export interface Spreadsheet {
  format: 'xlsx' | 'csv';
  /** The CSV's encoding (utf-8, utf-8-bom, gb18030, utf-16le/be); null for workbooks. */
  encoding: string | null;
  /** The first `count` rows of every sheet (a CSV is one sheet named ''). */
  heads(count: number): Promise<SheetHead[]>;
  /** Rows a sheet is expected to have, for progress (workbooks: what its dimension claims). */
  estimatedRows(sheet: string): number;
  /** Every row of one sheet, streamed. */
  rows(sheet: string): AsyncIterable<SheetRow>;
}

/** Turns reader failures into refusals a user can act on; anything else is a bug and stays as it is. */
function refusal(error: unknown): unknown {
  if (error instanceof WorkbookRefusedError) return error;
  if (error instanceof SheetLimitError || error instanceof EncodingError || error instanceof RangeError) return new WorkbookRefusedError(error.message);
  const message = (error as Error)?.message ?? String(error);
  // exceljs and its unzipper/sax layers fail with plain Errors on broken archives and XML
  return new WorkbookRefusedError(`the workbook could not be read (${message.slice(0, 200)})`);
}

async function* guarded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw refusal(error);
  }
}

async function openXlsx(path: string, limits: ZipLimits & ReadLimits): Promise<Spreadsheet> {
  const outline = await checkWorkbookZip(path, limits);
  return {
    format: 'xlsx',
    encoding: null,
    estimatedRows(name) {
      const position = outline.sheets.indexOf(name);
      const claimed = outline.dimensionRows[`xl/worksheets/sheet${position + 1}.xml`];
      return claimed ?? Math.max(0, ...Object.values(outline.dimensionRows));
    },
    async heads(count) {
      const heads: SheetHead[] = [];
      try {
        for await (const sheet of xlsxSheets(path, limits)) {
          const rows: SheetRow[] = [];
          for await (const row of sheet.rows) {
            rows.push(row);
            if (rows.length >= count) break;
          }
          heads.push({ name: sheet.name, index: sheet.index, rows });
          // every sheet the workbook declares is seen: the rest of the file need not be read
          if (outline.sheets.length && heads.length >= outline.sheets.length) break;
        }
      } catch (error) {
        throw refusal(error);
      }
      return heads;
    },
    rows(name) {
      return guarded(
        (async function* () {
          for await (const sheet of xlsxSheets(path, limits)) {
            if (sheet.name === name) {
              yield* sheet.rows;
              return;
            }
          }
          throw new WorkbookRefusedError(`the workbook has no sheet "${name}"`);
        })(),
      );
    },
  };
}

async function openCsv(path: string, limits: ReadLimits): Promise<Spreadsheet> {
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeCsv(await fs.readFile(path));
  } catch (error) {
    throw refusal(error);
  }
  const { text, encoding } = decoded;
  // one pass over the text up front: a CSV over the limits is refused before anything is written
  let records = 0;
  try {
    for (const row of csvRecords(text, limits.maxColumns)) {
      records = row.number;
      if (records > limits.maxRows) throw new WorkbookRefusedError(`the CSV has more than ${limits.maxRows} records`);
    }
  } catch (error) {
    throw refusal(error);
  }
  return {
    format: 'csv',
    encoding,
    estimatedRows: () => records,
    async heads(count) {
      const rows: SheetRow[] = [];
      try {
        for (const row of csvRecords(text, limits.maxColumns)) {
          rows.push(row);
          if (rows.length >= count) break;
        }
      } catch (error) {
        throw refusal(error);
      }
      return [{ name: '', index: 0, rows }];
    },
    rows() {
      return guarded(
        (async function* () {
          yield* csvRecords(text, limits.maxColumns);
        })(),
      );
    },
  };
}

/**
 * Opens an uploaded file after judging it by its bytes and, for a workbook, checking the
 * archive before any parser sees it. Anything that is not a readable spreadsheet is a
 * `WorkbookRefusedError` with the reason.
 */
export async function openSpreadsheet(path: string, fileName: string, limits: ZipLimits & ReadLimits): Promise<Spreadsheet> {
  const handle = await fs.open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(buffer, 0, buffer.length, 0);
    head = buffer;
  } finally {
    await handle.close();
  }
  const kind = fileKind(head, size, fileName);
  if (kind.kind === 'refused') throw new WorkbookRefusedError(kind.reason);
  return kind.kind === 'xlsx' ? openXlsx(path, limits) : openCsv(path, limits);
}
