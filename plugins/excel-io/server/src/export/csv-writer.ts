import fs from 'node:fs';
import { once } from 'node:events';
import { looksLikeFormula } from './cell-values';

// Excel on Windows reads a CSV as UTF-8 only when it starts with a byte-order mark
const BOM = '\uFEFF';
// what makes a field need quoting (RFC 4180) or a formula guard (see looksLikeFormula)
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Text a spreadsheet would run as a formula gets a leading apostrophe, which shows it as text.
 */
export function csvField(text: string): string {
  // most fields need neither quotes nor a guard: one test tells
  if (!NEEDS_CARE.test(text)) return text;
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(texts: string[]): string {
  let line = texts.length ? csvField(texts[0]) : '';
  for (let i = 1; i < texts.length; i++) line += `,${csvField(texts[i])}`;
  return `${line}\r\n`;
}

/** A CSV file written as it goes: UTF-8 with BOM, CRLF lines, the header line first. */
export class CsvExportWriter {
  private readonly out: fs.WriteStream;
  private buffered = '';
  rows = 0;

  constructor(filename: string, headers: string[]) {
    this.out = fs.createWriteStream(filename, { encoding: 'utf8' });
    this.buffered = BOM + csvLine(headers);
  }

  /** Appends a ticket's values as formatted text; `drain` writes what has gathered. */
  addRow(texts: string[]) {
    this.buffered += csvLine(texts);
    this.rows++;
  }

  /** Hands the gathered lines to the file; waits while the file stream's buffer is full. */
  async drain() {
    const chunk = this.buffered;
    this.buffered = '';
    if (chunk && !this.out.write(chunk)) await once(this.out, 'drain');
  }

  async finish() {
    await this.drain();
    this.out.end();
    await once(this.out, 'finish');
  }
}
