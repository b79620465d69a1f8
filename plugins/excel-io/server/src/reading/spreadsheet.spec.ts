import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSpreadsheet, WorkbookRefusedError } from './spreadsheet';

// the generator of hostile files the API tests send too
const { hostileFiles, workbook } = require('../../../scripts/make-hostile-files') as {
  hostileFiles(): Promise<Record<string, Buffer>>;
  workbook(parts?: Record<string, string>): Promise<Buffer>;
};

const limits = { maxEntries: 2000, maxUncompressedBytes: 1024 ** 3, maxCompressionRatio: 200, maxColumns: 500, maxRows: 1_000_000 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'excel-io-spec-'));
const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** Opens a file and reads its first rows, as a plan does: where a hostile file must be refused. */
async function readHead(name: string, bytes: Buffer) {
  const sheet = await openSpreadsheet(write(name, bytes), name, limits);
  return sheet.heads(30);
}

// the generator packs a 64 MB zip bomb among others: seconds on a busy machine
jest.setTimeout(60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openSpreadsheet refuses every hostile file before parsing it', () => {
  const expected: Record<string, RegExp> = {
    'text.txt': /text, not a spreadsheet/,
    'document.pdf': /PDF/,
    'image.png': /PNG/,
    'not-a-workbook.zip': /zip archive but not an \.xlsx/,
    'empty.xlsx': /empty/,
    'renamed-text.xlsx': /named like a workbook but holds text/,
    'encrypted.xlsx': /encrypted/,
    'corrupt.xlsx': /corrupt/,
    'zip-bomb.xlsx': /zip bomb/,
    'many-entries.xlsx': /entries/,
    'xxe.xlsx': /DTD or entities/,
    'billion-laughs.xlsx': /DTD or entities/,
    'columns-16384.xlsx': /16384 columns/,
    'columns-16384-no-dimension.xlsx': /more than 500 columns/,
    'huge-dimension.xlsx': /5000000 rows/,
    'zip-slip.xlsx': /escapes the archive/,
    'external-link.xlsx': /external links/,
    'invalid-utf8.csv': /invalid UTF-8/,
  };
  let files: Record<string, Buffer>;
  beforeAll(async () => {
    files = await hostileFiles();
  });

  it('has a case for every generated file', () => expect(Object.keys(files).sort()).toEqual(Object.keys(expected).sort()));

  it.each(Object.entries(expected))('%s', async (name, reason) => {
    await expect(readHead(name, files[name])).rejects.toThrow(WorkbookRefusedError);
    await expect(readHead(name, files[name])).rejects.toThrow(reason);
  });
});

it('reads a good minimal workbook', async () => {
  const [head] = await readHead('good.xlsx', await workbook());
  expect(head.rows[0].cells).toEqual(['站点名称', 'gNodeB标识', '物理小区标识', '严重程度', '发生时间']);
  expect(head.rows[1].cells[1]).toBe(123456);
});
