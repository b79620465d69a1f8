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
  const filled = cells.map((c, i) => ({ i, text: cellText(c), value: c })).filter((c) => c.text !== '');
  if (!filled.length) return 'blank';
  if (filled.slice(0, FIRST_CELLS).some((c) => TOTALS.test(c.text))) return 'totals';
  const mappedSet = new Set(mapped);
  if (!filled.some((c) => mappedSet.has(c.i))) {
    // a serial number waiting for data is a template row; text alone is a note or a caption
    return filled.some((c) => typeof c.value === 'number' || /^\d+$/.test(c.text)) ? 'template' : 'note';
  }
  if (filled.length === 1 && !isCellProblem(filled[0].value) && NOTE.test(filled[0].text)) return 'note';
  return null;
}
