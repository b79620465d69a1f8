import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type Chunks = AsyncIterable<Buffer | string>;

interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: number): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

/** The chunks of an XML part as text, decoded with one streaming decoder: a character split across chunks stays whole. */
async function* utf8Text(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

let patched = false;

/**
 * exceljs 4.4.0's streaming reader decodes every zip chunk to text on its own, so a Chinese
 * character split across two chunks becomes `���` (`南京市` read as `南京���`). Its XML parser
 * passes strings through untouched, so the worksheet and shared-strings parts are handed to it
 * already decoded. Patched on the reader's prototype, which works however exceljs was loaded.
 */
export function loadExcelJs(): typeof ExcelJS {
  if (!patched) {
    const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
    const parseWorksheet = proto._parseWorksheet;
    const parseSharedStrings = proto._parseSharedStrings;
    proto._parseWorksheet = function (this: ReaderInternals, iterator: Chunks, sheetNo: number) {
      return parseWorksheet.call(this, utf8Text(iterator), sheetNo);
    };
    proto._parseSharedStrings = function (this: ReaderInternals, entry: Readable) {
      return parseSharedStrings.call(this, Readable.from(utf8Text(entry)));
    };
    patched = true;
  }
  return ExcelJS;
}
