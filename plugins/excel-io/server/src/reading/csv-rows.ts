import type { SheetRow } from './xlsx-rows';

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter of the first record: the candidate that splits it most outside quotes. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count += 1;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold delimiters, quotes and line
 * breaks). A record's number counts records, the header included, as the report numbers CSV rows.
 * Cells stay text: a CSV has no types, so `1.38123E+10` is text for the field type to judge.
 */
export function* csvRecords(text: string, maxColumns: number): Generator<SheetRow> {
  const delimiter = detectDelimiter(text);
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let number = 0;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    if (cells.length > maxColumns) throw new RangeError(`the CSV has more than ${maxColumns} columns`);
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n' || ch === '\r') {
      endCell();
      number += 1;
      yield { number, cells: cells.map((c) => (c === '' ? null : c)) };
      cells = [];
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || cells.length) {
    endCell();
    number += 1;
    yield { number, cells: cells.map((c) => (c === '' ? null : c)) };
  }
}
