/**
 * The reading floor: exceljs' streaming WorkbookReader over the file, values only, nothing else.
 * Prints one JSON line: rows, seconds, peak RSS (MB).
 */
const ExcelJS = require('exceljs');

(async () => {
  const started = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  let rows = 0;
  for await (const sheet of reader) for await (const row of sheet) if (row.values.length) rows += 1;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ rows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
})();
