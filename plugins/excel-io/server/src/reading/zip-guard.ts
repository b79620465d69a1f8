import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** What a workbook may hold before anything parses it. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed / compressed, per entry: a zip bomb packs gigabytes into kilobytes. */
  maxCompressionRatio: number;
  maxColumns: number;
  maxRows: number;
}

/** Why a file was refused: said to the user as is. */
export class WorkbookRefusedError extends Error {}

/** The sheets a workbook's `xl/workbook.xml` declares, and its date system. */
export interface WorkbookOutline {
  sheets: string[];
  date1904: boolean;
  /** The last row each worksheet part's dimension claims (`xl/worksheets/sheet1.xml` → 120). */
  dimensionRows: Record<string, number>;
}

const PROLOG_BYTES = 8 * 1024;
const WORKBOOK_XML_MAX = 2 * 1024 * 1024;
// a ratio is only meaningful once an entry is big enough to hurt
const RATIO_FLOOR_BYTES = 1024 * 1024;

const open = (path: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) =>
      error ? reject(error) : resolve(zip as ZipFile),
    ),
  );

/** The first `limit` decompressed bytes of an entry (the stream is dropped after that). */
function head(zip: ZipFile, entry: Entry, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => resolve(Buffer.concat(chunks).subarray(0, limit).toString('utf8'));
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= limit) {
          stream.destroy();
          done();
        }
      });
      stream.on('end', done);
      stream.on('error', reject);
    });
  });
}

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Refuses a sheet whose `<dimension ref="A1:XFD1048576"/>` claims more than the limits. */
function checkDimension(name: string, prolog: string, limits: ZipLimits): number | null {
  const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"/i.exec(prolog);
  if (!ref) return null;
  const lastColumn = columnNumber(ref[3] ?? ref[1] ?? 'A');
  const lastRow = Number(ref[4] ?? ref[2] ?? 1);
  if (lastColumn > limits.maxColumns) throw new WorkbookRefusedError(`${name} claims ${lastColumn} columns; at most ${limits.maxColumns} are read`);
  if (lastRow > limits.maxRows) throw new WorkbookRefusedError(`${name} claims ${lastRow} rows; at most ${limits.maxRows} are read`);
  return lastRow;
}

function outlineOf(xml: string): WorkbookOutline {
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
  );
  return { sheets, date1904: /date1904="(1|true)"/.test(xml), dimensionRows: {} };
}

function yauzlReason(error: Error): string {
  const message = error.message;
  if (/invalid relative path|absolute path|invalid characters in fileName|backslash/i.test(message)) return `an entry name escapes the archive (${message})`;
  if (/end of central directory|not a zip|invalid signature|unexpected EOF|truncated|too many length or distance/i.test(message)) return `the file is corrupt (${message})`;
  return `the file is not a readable workbook (${message})`;
}

/**
 * Checks an .xlsx (a zip) before any XML parser sees it: entry count, declared sizes and
 * compression ratios (zip bombs), entry names (zip-slip), the parts every workbook has (a zip
 * that is not a workbook), external links, DTDs and entities in any XML part (XXE, billion
 * laughs — both live in the prolog, so the head of each part is enough), and sheet dimensions
 * (16,384 columns, a million rows). Returns the sheets the workbook declares.
 */
export async function checkWorkbookZip(path: string, limits: ZipLimits): Promise<WorkbookOutline> {
  let zip: ZipFile;
  try {
    zip = await open(path);
  } catch (error) {
    throw new WorkbookRefusedError(yauzlReason(error as Error));
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new WorkbookRefusedError(`the archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed`);
    const entries: Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch((error: Error) => {
      throw new WorkbookRefusedError(yauzlReason(error));
    });
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) throw new WorkbookRefusedError(`the archive unpacks to more than ${limits.maxUncompressedBytes} bytes`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
        throw new WorkbookRefusedError(`${entry.fileName} is compressed ${Math.round(ratio)}:1, like a zip bomb`);
      }
      if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new WorkbookRefusedError('the archive is encrypted');
    }
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      throw new WorkbookRefusedError('the file is a zip archive but not an .xlsx workbook');
    }
    if (entries.some((e) => e.fileName.startsWith('xl/externalLinks/'))) {
      throw new WorkbookRefusedError('the workbook links to other files (external links); save it with values only');
    }
    let outline: WorkbookOutline = { sheets: [], date1904: false, dimensionRows: {} };
    const dimensionRows: Record<string, number> = {};
    for (const entry of entries) {
      if (!/\.(xml|rels|vml)$/i.test(entry.fileName)) continue;
      const isWorkbook = entry.fileName === 'xl/workbook.xml';
      const text = await head(zip, entry, isWorkbook ? WORKBOOK_XML_MAX : PROLOG_BYTES).catch((error: Error) => {
        throw new WorkbookRefusedError(yauzlReason(error));
      });
      if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WorkbookRefusedError(`${entry.fileName} declares a DTD or entities, which are never read`);
      if (isWorkbook) outline = outlineOf(text);
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)) {
        const rows = checkDimension(entry.fileName, text, limits);
        if (rows !== null) dimensionRows[entry.fileName] = rows;
      }
    }
    return { ...outline, dimensionRows };
  } finally {
    zip.close();
  }
}
