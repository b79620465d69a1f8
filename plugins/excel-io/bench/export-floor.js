#!/usr/bin/env node
/**
 * The floor of an export: exceljs' streaming WorkbookWriter (or a plain CSV write) of rows
 * already in memory, no database, no formatting. `node export-floor.js <rows.json> <xlsx|csv> <out>`
 * reads the rows (an array of arrays of cell values, dates as ISO strings) and prints one JSON
 * line: { rows, seconds, bytes, peakRssMb } — seconds of the write alone.
 */
const fs = require('node:fs');
const ExcelJS = require('exceljs');

async function main() {
  const [rowsFile, format, out] = process.argv.slice(2);
  const { headers, rows } = JSON.parse(fs.readFileSync(rowsFile, 'utf8'));
  for (const row of rows) for (let i = 0; i < row.length; i++) if (typeof row[i] === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(row[i])) row[i] = new Date(row[i]);
  const started = process.hrtime.bigint();
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('floor');
    sheet.addRow(headers).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  } else {
    const stream = fs.createWriteStream(out);
    const line = (values) => `${values.map((v) => (v instanceof Date ? v.toISOString() : v === null ? '' : String(v))).join(',')}\r\n`;
    stream.write(`\uFEFF${line(headers)}`);
    let chunk = [];
    for (const row of rows) {
      chunk.push(line(row));
      if (chunk.length === 500) {
        if (!stream.write(chunk.join(''))) await new Promise((r) => stream.once('drain', r));
        chunk = [];
      }
    }
    stream.end(chunk.join(''));
    await new Promise((r) => stream.once('finish', r));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
  console.log(JSON.stringify({ rows: rows.length, seconds, bytes: fs.statSync(out).size, peakRssMb }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
