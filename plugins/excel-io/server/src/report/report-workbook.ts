import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../reading/exceljs-utf8';
import { cellText, isCellProblem, type CellValue } from '../reading/cell-value';
import type { SheetRow } from '../reading/xlsx-rows';

/** A rejected row to write back: its cells' columns that were wrong and the messages. */
export interface RowToFix {
  errorColumns: number[];
  message: string;
}

const BAD_CELL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

const writable = (value: CellValue): string | number | boolean | Date | null =>
  value !== null && isCellProblem(value) ? cellText(value) : value;

/**
 * The error workbook: the header row, then every rejected row with its original cells, an added
 * error column, and the bad cells highlighted — for users to fix and import again. Written with
 * exceljs' streaming writer; created rows are left out so a re-import creates nothing twice.
 */
export async function writeErrorWorkbook(
  headers: string[],
  errorHeader: string,
  rows: AsyncIterable<SheetRow>,
  toFix: Map<number, RowToFix>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new (loadExcelJs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('errors');
  const errorColumn = headers.length + 1;
  const header = sheet.addRow([...headers, errorHeader]);
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) {
    const fix = toFix.get(row.number);
    if (!fix) continue;
    const values = headers.map((_, i) => writable(row.cells[i] ?? null));
    const written = sheet.addRow([...values, fix.message]);
    for (const column of fix.errorColumns) written.getCell(column + 1).fill = BAD_CELL;
    written.getCell(errorColumn).font = ERROR_FONT;
    written.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
