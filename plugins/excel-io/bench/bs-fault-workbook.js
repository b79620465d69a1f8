/**
 * Writes a bs-fault workbook of `rows` data rows (a title row, the header on row 2), about
 * `badShare` of them invalid (a PCI out of range, a severity nobody knows, a date that is not
 * one), with exceljs' streaming writer. Deterministic: the same arguments give the same file.
 * Used by the benchmark and by the worker-crash test.
 */
const ExcelJS = require('exceljs');

const HEADERS = ['序号', '站点名称', 'gNodeB标识', '物理小区标识', '频点', '频段', '故障类型', '严重程度', '发生时间', '经度(°)', '纬度(°)', '联系电话', '故障描述'];
const BANDS = ['n1', 'n3', 'n28', 'n41', 'n77', 'n78', 'n79'];
const FAULTS = ['断站', '小区退服', '干扰', 'transmission', '电源告警', 'other'];
const SEVERITIES = ['紧急', '重要', '一般', 'critical', 'major', 'minor'];
const BAD = [
  (cells) => (cells[3] = 5000),
  (cells) => (cells[7] = '特别紧急'),
  (cells) => (cells[8] = '2026-13-45 25:61'),
];

/** A small deterministic generator (mulberry32): benchmarks compare like with like. */
function random(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeBsFaultWorkbook(file, rows, badShare = 0.02, seed = 14) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('故障明细');
  sheet.addRow(['2026年11月 5G故障汇总']).commit();
  sheet.addRow(HEADERS).commit();
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const day = 1 + Math.floor(rnd() * 28);
    const cells = [
      i,
      `浦东张江基站${String(i).padStart(6, '0')}`,
      Math.floor(rnd() * 4294967295),
      Math.floor(rnd() * 1008),
      Math.floor(rnd() * 3279165),
      pick(BANDS),
      pick(FAULTS),
      pick(SEVERITIES),
      new Date(Date.UTC(2026, 10, day, Math.floor(rnd() * 24), Math.floor(rnd() * 60))),
      Math.round((121 + rnd()) * 1e6) / 1e6,
      Math.round((31 + rnd()) * 1e6) / 1e6,
      `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      rnd() < 0.3 ? '小区退服，AAU射频通道告警\n需厂家支持' : null,
    ];
    if (rnd() < badShare) {
      pick(BAD)(cells);
      bad += 1;
    }
    const row = sheet.addRow(cells);
    row.getCell(9).numFmt = 'yyyy-mm-dd hh:mm';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return { rows, valid: rows - bad, bad, headerRow: 2 };
}

module.exports = { writeBsFaultWorkbook, HEADERS };
