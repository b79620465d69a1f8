import ExcelJS, { type Style } from 'exceljs';
import { looksLikeFormula, type ExportCell } from './cell-values';
import type { SheetLayout } from './sheet-layout';
import { placeImages } from './template-images';
import { displayWidth, fittedWidth } from './text-width';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
// '@' is Excel's text format: the cell stays text even when someone edits it
const TEXT_FORMAT = '@';

/**
 * The styles of one column's data cells, made once and given to every cell: exceljs renders a
 * style it has not seen as XML to find its id, but remembers style objects it has seen. A cell
 * left alone gets a fresh empty style of its own, rendered anew each time.
 */
interface ColumnStyles {
  base: Partial<Style>;
  date: Partial<Style>;
  dateTime: Partial<Style>;
  text: Partial<Style>;
}

const columnStyles = (base: Partial<Style>): ColumnStyles => ({
  base,
  date: { ...base, numFmt: DATE_FORMAT },
  dateTime: { ...base, numFmt: DATE_TIME_FORMAT },
  text: { ...base, numFmt: TEXT_FORMAT },
});

/**
 * A workbook streamed to `filename` with exceljs' WorkbookWriter: each row is committed (and
 * leaves memory) as soon as it is written. Column widths must precede the rows in the file,
 * so they are fitted to the title rows and the first batch, which `start` is given.
 */
export class XlsxExportWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet?: ExcelJS.Worksheet;
  private readonly styles: ColumnStyles[];
  private next: number;
  rows = 0;

  constructor(
    filename: string,
    private readonly layout: SheetLayout,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
    this.styles = layout.dataStyles.map(columnStyles);
    this.next = layout.firstDataRow;
  }

  /** Sets up the sheet: widths from `sample`, frozen header, auto-filter, the title area. */
  start(sample: ExportCell[][]) {
    const { layout } = this;
    const headerRow = layout.firstDataRow - 1;
    const sheet = this.workbook.addWorksheet(layout.sheetName, {
      views: headerRow > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] : [],
    });
    sheet.columns = layout.columns.map((column, i) => {
      const given = layout.widths[i];
      if (given !== undefined) return { key: column.key, width: given };
      let widest = displayWidth(column.header);
      for (const row of sample) widest = Math.max(widest, displayWidth(row[i].text));
      return { key: column.key, width: fittedWidth(widest) };
    });
    if (headerRow > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: layout.columns.length } };
    for (const title of layout.titleRows) {
      const row = sheet.getRow(title.number);
      if (title.height !== undefined) row.height = title.height;
      for (const cell of title.cells) {
        const target = row.getCell(cell.column);
        target.value = cell.value;
        target.style = cell.style;
      }
    }
    for (const range of layout.merges) sheet.mergeCells(range);
    placeImages(this.workbook, sheet, layout.images);
    for (const title of layout.titleRows) sheet.getRow(title.number).commit();
    this.sheet = sheet;
  }

  /** Appends one ticket's cells (in the layout's column order) and commits the row. */
  addRow(cells: ExportCell[]) {
    const sheet = this.sheet;
    if (!sheet) throw new Error('XlsxExportWriter.start must run before addRow');
    const row = sheet.getRow(this.next++);
    if (this.layout.dataHeight !== undefined) row.height = this.layout.dataHeight;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const target = row.getCell(i + 1);
      const styles = this.styles[i];
      switch (cell.kind) {
        case 'empty':
          target.style = styles.base;
          break;
        case 'number':
          target.value = cell.value;
          target.style = styles.base;
          break;
        case 'moment':
          target.value = cell.date;
          target.style = cell.withTime ? styles.dateTime : styles.date;
          break;
        case 'text':
          // a string cell is never evaluated; the text format keeps it so when edited (formula injection)
          target.value = cell.text;
          if (looksLikeFormula(cell.text) || /^\d/.test(cell.text)) target.style = styles.text;
          else target.style = styles.base;
          break;
      }
    }
    row.commit();
    this.rows++;
  }

  async finish() {
    this.sheet?.commit();
    await this.workbook.commit();
  }
}
