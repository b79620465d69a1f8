import { looksLikeText } from './text-encoding';

/** What an uploaded file is, judged by its bytes; the name only tells CSV from other text. */
export type FileKind = { kind: 'xlsx' } | { kind: 'csv' } | { kind: 'refused'; reason: string };

const SIGNATURES: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an encrypted workbook or an old .xls file (save it as .xlsx without a password)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7z archive'],
];

/**
 * Tells an .xlsx (a zip) from a CSV (text named .csv) from anything else: a PDF, an image, an
 * encrypted workbook, text named .xlsx, 0 bytes. The declared MIME type is never trusted.
 */
export function fileKind(head: Buffer, size: number, fileName: string): FileKind {
  if (size === 0) return { kind: 'refused', reason: 'the file is empty' };
  const named = fileName.toLowerCase();
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'xlsx' };
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => head[i] === b)) return { kind: 'refused', reason: `the file is ${what}, not a spreadsheet` };
  }
  if (looksLikeText(head)) {
    if (named.endsWith('.csv') || named.endsWith('.tsv')) return { kind: 'csv' };
    if (named.endsWith('.xlsx') || named.endsWith('.xls')) return { kind: 'refused', reason: 'the file is named like a workbook but holds text; save it as .xlsx or name it .csv' };
    return { kind: 'refused', reason: 'the file is text, not a spreadsheet; upload a .xlsx or .csv file' };
  }
  return { kind: 'refused', reason: 'the file is not a spreadsheet; upload a .xlsx or .csv file' };
}
