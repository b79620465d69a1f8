import fs from 'node:fs';
import { once } from 'node:events';
import { looksLikeFormula, type ExportCell } from './cell-values';

// Excel on Windows reads a CSV as UTF-8 only when it starts with a byte-order mark
const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Text a spreadsheet would run as a formula gets a leading apostrophe, which shows it as text.
 */
export function csvField(text: string): string {
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (texts: string[]) => `${texts.map(csvField).join(',')}\r\n`;

/** A CSV file written as it goes: UTF-8 with BOM, CRLF lines, the header line first. */
export class CsvExportWriter {
  private readonly out: fs.WriteStream;
  private buffered: string[] = [];
  rows = 0;

  constructor(filename: string, headers: string[]) {
    this.out = fs.createWriteStream(filename, { encoding: 'utf8' });
    this.buffered.push(BOM + csvLine(headers));
  }

  /** Appends a ticket's cells as formatted text; writes once a few hundred lines have gathered. */
  async addRow(cells: ExportCell[]) {
    this.buffered.push(csvLine(cells.map((c) => c.text)));
    this.rows++;
    if (this.buffered.length >= 500) await this.flush();
  }

  private async flush() {
    const chunk = this.buffered.join('');
    this.buffered = [];
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async finish() {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}
