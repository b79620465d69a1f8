import { cellText, isCellProblem, type CellValue } from '../reading/cell-value';

/** Why a row below the header creates nothing without being an error. */
export type SkipKind = 'blank' | 'template' | 'totals' | 'note';

// a totals row names itself in its first cells
const TOTALS = /^(合计|总计|小计|共计|汇总|累计|total|totals|grand total|sub ?total|sum)\s*[:：]?$/i;
// a footnote opens with its marker: 注：…, 说明：…, Note: …, * …
const NOTE = /^(注|备注|说明|填表说明|notes?|remarks?)\s*[:：\d.、]|^[*※]/i;
const FIRST_CELLS = 3;

/**
 * Rows that carry no ticket: blank rows, rows with nothing in a mapped column (template rows with
 * only a serial number, captions), totals rows and footnotes. `mapped` holds the mapped column indexes.
 */
export function skipKind(cells: CellValue[], mapped: number[]): SkipKind | null {
  // one pass without building arrays: this runs for every row of every import
  let filled = 0;
  let inMapped = false;
  let numeric = false;
  let only: { text: string; value: CellValue } | null = null;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === null || value === undefined) continue;
    const text = cellText(value);
    if (text === '') continue;
    filled += 1;
    if (filled <= FIRST_CELLS && TOTALS.test(text)) return 'totals';
    if (filled === 1) only = { text, value };
    if (mapped.includes(i)) inMapped = true;
    if (typeof value === 'number' || /^\d+$/.test(text)) numeric = true;
  }
  if (!filled) return 'blank';
  // a serial number waiting for data is a template row; text alone is a note or a caption
  if (!inMapped) return numeric ? 'template' : 'note';
  if (filled === 1 && only && !isCellProblem(only.value) && NOTE.test(only.text)) return 'note';
  return null;
}
