import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { waitFor } from './jobs';

/** The Excel import dev corpus, copied into the plugin's test fixtures. */
export const excelDevDir = path.resolve(__dirname, '..', '..', '..', 'plugins', 'excel-io', 'test-fixtures', 'excel-dev');

/** The dev files: each `<name>.xlsx|.csv` with its `<name>.truth.json`. */
export function excelDevFiles(): { name: string; file: string; truth: ExcelTruth }[] {
  return fs
    .readdirSync(excelDevDir)
    .filter((f) => /\.(xlsx|csv)$/.test(f))
    .sort()
    .map((file) => {
      const name = file.replace(/\.(xlsx|csv)$/, '');
      return { name, file, truth: JSON.parse(fs.readFileSync(path.join(excelDevDir, `${name}.truth.json`), 'utf8')) };
    });
}

/** A truth file of the corpus (its README describes the format). */
export interface ExcelTruth {
  ticketType: string;
  format: 'xlsx' | 'csv';
  sheet: string | null;
  headerRow: number;
  mapping: Record<string, string | null>;
  rows: ({ row: number } & ({ valid: true; values: Record<string, unknown> } | { valid: false; errors: string[] } | { skip: true; kind: string }))[];
}

/** A row of `GET /api/excel-io/imports/:id/report`. */
export interface ReportRow {
  row: number;
  status: string;
  errors: { field: string; message: string }[];
  data: Record<string, unknown>;
  ticket: string | null;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Posts a file to the import route with the given multipart fields. */
export function postImport(strapi: Core.Strapi, token: string, bytes: Buffer, fileName: string, fields: Record<string, string> = {}, route = '/api/excel-io/imports') {
  let req = request(strapi.server.httpServer).post(route).set(auth(token));
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', bytes, fileName);
}

/** Waits for an import job to end and returns its record. */
export function finishedJob(strapi: Core.Strapi, token: string, id: string, timeoutMs = 90_000) {
  return waitFor(
    `import job ${id} to finish`,
    async () => {
      const res = await request(strapi.server.httpServer).get(`/api/jobs/${id}`).set(auth(token));
      return ['succeeded', 'failed', 'cancelled'].includes(res.body.data?.status) ? res.body.data : undefined;
    },
    timeoutMs,
    200,
  );
}

/** Values equal as the corpus scores them: numbers within 1e-6, everything else exactly. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every difference between a report and its truth: mapping, row verdicts, values (empty when they agree). */
export function reportDifferences(truth: ExcelTruth, report: { mapping: Record<string, string | null>; rows: ReportRow[] }): string[] {
  const diffs: string[] = [];
  for (const [header, field] of Object.entries(truth.mapping)) {
    if (report.mapping[header] !== field) diffs.push(`header ${JSON.stringify(header)}: ${report.mapping[header]} instead of ${field}`);
  }
  const byRow = new Map(report.rows.map((r) => [r.row, r]));
  for (const row of truth.rows) {
    const got = byRow.get(row.row);
    if ('valid' in row && row.valid) {
      if (got?.status !== 'created') {
        diffs.push(`row ${row.row}: ${got?.status ?? 'missing'} instead of created (${JSON.stringify(got?.errors)})`);
        continue;
      }
      const keys = new Set([...Object.keys(row.values), ...Object.keys(got.data)]);
      for (const key of keys) {
        if (!sameValue(got.data[key], row.values[key])) diffs.push(`row ${row.row} ${key}: ${JSON.stringify(got.data[key])} instead of ${JSON.stringify(row.values[key])}`);
      }
    } else if ('valid' in row) {
      if (got?.status !== 'rejected') diffs.push(`row ${row.row}: ${got?.status ?? 'missing'} instead of rejected (${row.errors.join(', ')})`);
      else {
        const fields = [...new Set(got.errors.map((e) => e.field))].sort();
        if (JSON.stringify(fields) !== JSON.stringify([...row.errors].sort())) diffs.push(`row ${row.row}: errors on ${fields.join(', ')} instead of ${row.errors.join(', ')}`);
      }
    } else if (got?.status === 'created') diffs.push(`row ${row.row} (${row.kind}) created a ticket`);
  }
  return diffs;
}
