import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { auth, excelDevDir, excelDevFiles, finishedJob, postImport, reportDifferences, type ReportRow } from './helpers/excel-imports';

process.env.JOBS_BACKOFF_MS = '100';

/**
 * Every file of the dev corpus through the real API and a real (inline) worker, the type left
 * to detection: the report must match its truth — mapping, row verdicts and values, 100 %.
 */
describe('Excel import: the dev corpus end to end', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  const api = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  it.each(excelDevFiles().map((f) => [f.name, f] as const))('%s: the report matches the truth', async (_name, { file, truth }) => {
    const started = await postImport(app.strapi, publisher, fs.readFileSync(path.join(excelDevDir, file)), file);
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ kind: 'import', status: 'queued' });
    const job = await finishedJob(app.strapi, publisher, started.body.data.documentId);
    expect(job).toMatchObject({ status: 'succeeded' });

    const res = await api().get(`/api/excel-io/imports/${job.documentId}/report`).set(auth(publisher));
    expect(res.status).toBe(200);
    const report = res.body.data as { ticketType: string; sheet: string | null; headerRow: number; mapping: Record<string, string | null>; rows: ReportRow[] };
    expect({ ticketType: report.ticketType, sheet: report.sheet, headerRow: report.headerRow }).toEqual({
      ticketType: truth.ticketType,
      sheet: truth.sheet,
      headerRow: truth.headerRow,
    });
    expect(reportDifferences(truth, report)).toEqual([]);

    // every created row is a ticket of this import, with one `import` audit entry naming the job
    const created = report.rows.filter((r) => r.status === 'created');
    const tickets = await app.strapi.db.connection('ticketing_tickets').where({ import_job: job.documentId }).count({ n: '*' });
    expect(Number(tickets[0].n)).toBe(created.length);
    // and the ticket list filtered by this import shows exactly them
    const listed: string[] = [];
    for (let page = 1; page === 1 || listed.length < created.length; page += 1) {
      const res = await api().get(`/api/ticketing/tickets?import=${job.documentId}&pageSize=100&page=${page}`).set(auth(publisher));
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBe(created.length);
      if (!res.body.data.length) break;
      listed.push(...res.body.data.map((t: { documentId: string }) => t.documentId));
    }
    expect(new Set(listed)).toEqual(new Set(created.map((r) => r.ticket)));
    expect(listed).toHaveLength(created.length);
    const audits = await app.strapi.db
      .connection('ticketing_audit_logs')
      .where({ action: 'import' })
      .whereRaw(`meta->>'job' = ?`, [job.documentId])
      .count({ n: '*' });
    expect(Number(audits[0].n)).toBe(created.length);
  });
});
