import { loadExcelJs } from './exceljs-utf8';
import { cellValue, type CellValue } from './cell-value';

/** One row of a sheet: its Excel number and its cells by 0-based column. */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

/** A sheet as the reader streams it. */
export interface SheetStream {
  name: string;
  /** 0-based position among the sheets the reader met. */
  index: number;
  rows: AsyncIterable<SheetRow>;
}

/** Limits a read enforces while streaming (a dimension can lie: the rows are counted too). */
export interface ReadLimits {
  maxColumns: number;
  maxRows: number;
}

export class SheetLimitError extends Error {}

interface StreamedCell {
  value: unknown;
  numFmt?: string;
}
interface StreamedRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, callback: (cell: StreamedCell, col: number) => void): void;
}
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  name: string;
}
interface WorkbookReaderWithProps extends AsyncIterable<StreamedSheet> {
  properties?: { model?: { date1904?: boolean } };
}

async function* sheetRows(sheet: StreamedSheet, reader: WorkbookReaderWithProps, limits: ReadLimits): AsyncGenerator<SheetRow> {
  for await (const row of sheet) {
    if (row.number > limits.maxRows) throw new SheetLimitError(`sheet "${sheet.name}" has more than ${limits.maxRows} rows`);
    const date1904 = reader.properties?.model?.date1904 === true;
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.maxColumns) throw new SheetLimitError(`sheet "${sheet.name}" has more than ${limits.maxColumns} columns`);
      cells[col - 1] = cellValue(cell.value, cell.numFmt, date1904);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    yield { number: row.number, cells };
  }
}

/**
 * Streams an .xlsx file sheet by sheet with exceljs' WorkbookReader: never the whole workbook
 * in memory, formulas as their cached results, hyperlinks and comments ignored. A caller that
 * stops iterating early (a preview) leaves the rest of the file unread.
 */
export async function* xlsxSheets(path: string, limits: ReadLimits): AsyncGenerator<SheetStream> {
  const reader = new (loadExcelJs().stream.xlsx.WorkbookReader)(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as WorkbookReaderWithProps;
  let index = 0;
  for await (const sheet of reader) {
    yield { name: sheet.name, index: index++, rows: sheetRows(sheet, reader, limits) };
  }
}
