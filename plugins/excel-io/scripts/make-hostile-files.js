#!/usr/bin/env node
/**
 * Writes the hostile and odd files the import tests send (issue 14 point 8) into a folder:
 * `node scripts/make-hostile-files.js <dir>` (default: ./hostile-files). Every file is built
 * here from code, so nothing dangerous is kept in the repo. `variants` are good files in
 * unusual dress (GB18030 CSV, a 1904-date workbook) that must import like their originals.
 */
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');
const iconv = require('iconv-lite');
const ExcelJS = require('exceljs');

const devDir = path.resolve(__dirname, '..', 'test-fixtures', 'excel-dev');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const HEADERS = ['站点名称', 'gNodeB标识', '物理小区标识', '严重程度', '发生时间'];
const ROWS = [
  ['浦东张江基站01', 123456, 387, '紧急', '2026-11-30 08:15'],
  ['浦东张江基站02', 123457, 388, '重要', '2026-11-30 09:15'],
];

const column = (i) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellXml = (value, ref, formula) => {
  const f = formula ? `<f>${escapeXml(formula)}</f>` : '';
  return typeof value === 'number'
    ? `<c r="${ref}">${f}<v>${value}</v></c>`
    : formula
      ? `<c r="${ref}" t="str">${f}<v>${escapeXml(value)}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
};
/** A worksheet part: `rows` of values; `formulas[row][col]` puts a formula with the value as its cached result. */
function sheetXml(rows, { dimension, prolog = '', formulas = {} } = {}) {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cellXml(v, `${column(c)}${r + 1}`, formulas[r]?.[c])).join('')}</row>`)
    .join('');
  const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${body}</sheetData></worksheet>`;
}

/** A minimal workbook; `parts` replaces or adds entries by name. */
async function workbook(parts = {}, options = {}) {
  const zip = new JSZip();
  const entries = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ...ROWS]),
    ...parts,
  };
  for (const [name, content] of Object.entries(entries)) if (content !== null) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: options.level ?? 6 } });
}

/** A zip whose one entry is named `name` as is (JSZip would keep `../` too, but say it plainly). */
async function zipWithEntry(name) {
  const zip = new JSZip();
  for (const [entry, content] of Object.entries({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ...ROWS]),
  })) zip.file(entry, content);
  zip.file(name, 'pwned', { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;

/** Every hostile file: name → bytes (and what the import must answer). */
async function hostileFiles() {
  const good = await workbook();
  const wide = Array.from({ length: 16384 }, (_, i) => (i < HEADERS.length ? HEADERS[i] : `c${i}`));
  return {
    'text.txt': Buffer.from('站点名称 gNodeB标识\n这只是一段文字，不是表格。\n'),
    'document.pdf': Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
    'not-a-workbook.zip': await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    'empty.xlsx': Buffer.alloc(0),
    'renamed-text.xlsx': Buffer.from('站点名称,gNodeB标识\n浦东,1\n'),
    'encrypted.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]),
    'corrupt.xlsx': good.subarray(0, Math.floor(good.length / 2)),
    // 64 MB of one character packs into a few hundred kilobytes: the ratio gives it away before inflating
    'zip-bomb.xlsx': await workbook({ 'xl/worksheets/sheet1.xml': sheetXml([HEADERS]) + ' '.repeat(64 * 1024 * 1024) }, { level: 1 }),
    'many-entries.xlsx': await workbook(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`xl/media/empty${i}.xml`, '<x/>']))),
    'xxe.xlsx': await workbook({
      'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ['&xxe;', 1, 2, '紧急', '2026-11-30']], { prolog: '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' }).replace('&amp;xxe;', '&xxe;'),
    }),
    'billion-laughs.xlsx': await workbook({
      'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ['&lol9;', 1, 2, '紧急', '2026-11-30']], { prolog: LAUGHS }).replace('&amp;lol9;', '&lol9;'),
    }),
    'columns-16384.xlsx': await workbook({ 'xl/worksheets/sheet1.xml': sheetXml([wide, ...ROWS], { dimension: 'A1:XFD3' }) }),
    'columns-16384-no-dimension.xlsx': await workbook({ 'xl/worksheets/sheet1.xml': sheetXml([wide, ...ROWS]) }),
    'huge-dimension.xlsx': await workbook({ 'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ...ROWS], { dimension: 'A1:E5000000' }) }),
    'zip-slip.xlsx': await zipWithEntry('../../outside/evil.txt'),
    'external-link.xlsx': await workbook({
      'xl/externalLinks/externalLink1.xml': '<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      'xl/externalLinks/_rels/externalLink1.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://127.0.0.1:9/other.xlsx" TargetMode="External"/></Relationships>',
    }),
    'invalid-utf8.csv': Buffer.concat([Buffer.from('站点名称,gNodeB标识,物理小区标识,严重程度,发生时间\n浦东张江基站01,123456,387,紧急,2026-11-30 08:15\n浦东'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('基站02,1,2,紧急,2026-11-30\n')]),
  };
}

/** A good workbook with one formula that would fetch from `url` (WEBSERVICE); its cached value must not be trusted. */
async function webserviceWorkbook(url) {
  return workbook({
    'xl/worksheets/sheet1.xml': sheetXml([HEADERS, ...ROWS], { formulas: { 1: { 0: `WEBSERVICE("${url}")` } } }),
  });
}

/** Good files in unusual dress: must import exactly like their originals. */
async function variants() {
  const csv = fs.readFileSync(path.join(devDir, 'dev06_bs_fault_csv.csv'), 'utf8').replace(/^\uFEFF/, '');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(devDir, 'dev01_bs_fault_pudong.xlsx'));
  book.properties.date1904 = true;
  return {
    // what Excel on a Chinese Windows saves: GB18030 (GBK) without a BOM; truth: dev06
    'dev06_bs_fault_csv.gb18030.csv': iconv.encode(csv, 'gb18030'),
    // the same sheet in the 1904 date system (old Mac Excel); truth: dev01
    'dev01_bs_fault_pudong.date1904.xlsx': Buffer.from(await book.xlsx.writeBuffer()),
  };
}

module.exports = { hostileFiles, variants, webserviceWorkbook, workbook, sheetXml };

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? 'hostile-files');
  fs.mkdirSync(out, { recursive: true });
  (async () => {
    for (const [name, bytes] of Object.entries({ ...(await hostileFiles()), ...(await variants()) })) {
      fs.writeFileSync(path.join(out, name), bytes);
      console.log(`${name}\t${bytes.length} bytes`);
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
