import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { auth, finishedJob, postImport, sameValue, type ReportRow } from './helpers/excel-imports';
import { download, listIds, runExport } from './helpers/excel-exports';

process.env.JOBS_BACKOFF_MS = '100';

/**
 * Issue 15 point 5: an .xlsx exported without a template imports back through the importer's
 * dry run with every row valid and the same values — on the demo data, Chinese labels and all.
 */
describe('export → import round trip', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
    await app.strapi.plugin('ticketing').service('demo').tickets(600, { seed: 5 });
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  it.each(['bs-fault', 'site-survey'])('%s: every exported row is valid on import, with the same values', async (ticketType) => {
    const exported = await runExport(app.strapi, publisher, { ticketType, format: 'xlsx', sort: 'created_at:asc' });
    expect(exported.status).toBe('succeeded');
    const ids = await listIds(app.strapi, publisher, { type: ticketType, sort: 'created_at:asc' });
    expect(exported.result.rows).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
    const { bytes } = await download(app.strapi, publisher, exported.documentId);

    const started = await postImport(app.strapi, publisher, bytes, exported.result.filename, { dryRun: 'true', ticketType });
    expect(started.status).toBe(202);
    const imported = await finishedJob(app.strapi, publisher, started.body.data.documentId, 180_000);
    expect(imported.status).toBe('succeeded');
    const report = (await request(app.strapi.server.httpServer).get(`/api/excel-io/imports/${imported.documentId}/report`).set(auth(publisher))).body.data;
    expect(report.counts).toMatchObject({ rows: ids.length, valid: ids.length, rejected: 0 });
    const rows = (report.rows as ReportRow[]).filter((r) => r.status !== 'skipped');
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'valid'));

    const stored = new Map<string, Record<string, unknown>>(
      (await app.strapi.db.connection('ticketing_tickets').whereIn('document_id', ids).select('document_id', 'form_data')).map((r: { document_id: string; form_data: string | Record<string, unknown> }) => [
        r.document_id,
        typeof r.form_data === 'string' ? JSON.parse(r.form_data) : r.form_data,
      ]),
    );
    const differences: string[] = [];
    rows.forEach((row, i) => {
      const form = stored.get(ids[i]) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(form), ...Object.keys(row.data)])) {
        if (!sameValue(row.data[key] ?? null, form[key] ?? null)) differences.push(`${ids[i]} ${key}: ${JSON.stringify(row.data[key])} instead of ${JSON.stringify(form[key])}`);
      }
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });
});
