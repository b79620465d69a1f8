/** A formula error or a formula this plugin refuses to take a value from (`#N/A`, `WEBSERVICE`). */
export interface CellProblem {
  problem: string;
}

/** A cell as the import reads it: text, number, boolean, an exceljs Date (UTC fields = wall clock), or nothing. */
export type CellValue = string | number | boolean | Date | CellProblem | null;

export const isCellProblem = (value: CellValue): value is CellProblem =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

// Functions that fetch from the network or other files: their cached result is not trusted and never refreshed.
const FETCHING_FORMULA = /\b(WEBSERVICE|FILTERXML|RTD|HYPERLINK|IMPORTDATA|IMPORTXML|CALL|REGISTER)\s*\(|\[\d+\]/i;
const MS_PER_DAY = 86_400_000;
// Excel's 1904 date system counts from 1904-01-01; exceljs' Dates are UTC fields of the wall clock
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);

/** Whether a number format shows a date (`yyyy-mm-dd`, `m/d/yy h:mm`), ignoring quoted text and colours. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** An Excel serial as exceljs would have made it a Date: UTC fields are the sheet's wall clock. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
  return new Date(epoch + Math.round(serial * MS_PER_DAY));
}

interface RichText {
  richText: { text: string }[];
}
interface FormulaValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value) return (value as RichText).richText.map((run) => run.text).join('');
  if ('error' in value) return { problem: `formula error ${String((value as { error: unknown }).error)}` };
  if ('text' in value) return plain((value as { text: unknown }).text);
  return null;
}

/**
 * What an exceljs cell holds, as plain data: a formula gives its cached result (never evaluated;
 * none cached → blank), except formulas that fetch external data, which are refused; rich text
 * gives its text; a number in a date format that exceljs left as a serial (a formula's result)
 * becomes a Date in the workbook's date system (1900 or 1904).
 */
export function cellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = value as FormulaValue;
    const text = formula.formula ?? formula.sharedFormula ?? '';
    if (FETCHING_FORMULA.test(text)) return { problem: `formula fetching external data is not read: =${text.slice(0, 60)}` };
    const result = plain(formula.result);
    if (typeof result === 'number' && isDateFormat(numFmt)) return serialToDate(result, date1904);
    return result;
  }
  // exceljs itself turns date-styled cells into Dates, in the workbook's date system
  return plain(value);
}

/**
 * A date cell as the sheet shows it. Its UTC fields are the wall clock, which has no zone:
 * `toISOString()` would print a `Z` and claim UTC, 8 hours off for a reader in the platform zone.
 */
function wallClockText(date: Date): string {
  const iso = date.toISOString();
  const [day, time] = [iso.slice(0, 10), iso.slice(11, 19)];
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** A cell as text for headers, row classification, previews and reports ('' for blank). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (isCellProblem(value)) return value.problem;
  if (value instanceof Date) return wallClockText(value);
  return String(value).trim();
}
