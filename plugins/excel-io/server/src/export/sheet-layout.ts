import type { Style } from 'exceljs';
import type { ExportColumn } from './columns';
import type { TemplateImage } from './template-images';

/** A cell of a template's title area: its value (placeholders filled) and style. */
export interface TitleCell {
  column: number;
  value: string | number | boolean | Date | null;
  style: Partial<Style>;
}

/** Everything about the sheet except the data rows: a template's, or the clean default's. */
export interface SheetLayout {
  sheetName: string;
  columns: ExportColumn[];
  /** Rows above the data (1-based, in order); the default has one header row. */
  titleRows: { number: number; height?: number; cells: TitleCell[] }[];
  /** Merged ranges of the title area (`A1:F1`). */
  merges: string[];
  /** Column widths in characters; undefined: fit to the content. */
  widths: (number | undefined)[];
  /** Per column, the style every data row's cell starts from. */
  dataStyles: Partial<Style>[];
  dataHeight?: number;
  /** The row the first ticket goes on. */
  firstDataRow: number;
  /** Pictures of the title area (a template's logo). */
  images: TemplateImage[];
}

const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
  alignment: { vertical: 'middle' },
  border: { bottom: { style: 'thin' } },
};

/** The layout without a template: one bold header row of the columns' headers, then the data. */
export function defaultLayout(columns: ExportColumn[], sheetName: string): SheetLayout {
  return {
    sheetName,
    columns,
    titleRows: [{ number: 1, cells: columns.map((c, i) => ({ column: i + 1, value: c.header, style: HEADER_STYLE })) }],
    merges: [],
    widths: columns.map(() => undefined),
    dataStyles: columns.map(() => ({})),
    firstDataRow: 2,
    images: [],
  };
}
