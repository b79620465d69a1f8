import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { plainPng } from './helpers/photos';
import { auth, finishedJob, postImport, type ReportRow } from './helpers/excel-imports';
import { download, runExport } from './helpers/excel-exports';

process.env.JOBS_BACKOFF_MS = '100';

/** The table the portal's RJSF validator runs too: the same inputs must pass or fail alike everywhere. */
interface ConditionCase {
  name: string;
  form: Record<string, unknown>;
  visible: string[];
  errors: string[];
}
const cases: ConditionCase[] = require(path.resolve(__dirname, '../../portal/src/test/condition-cases.json'));
const KEYS = ['site_name', 'work_type', 'work_detail', 'start_at', 'end_at', 'impact', 'outage_minutes', 'approver_phone'];
const hiddenIn = (c: ConditionCase) => KEYS.filter((k) => !c.visible.includes(k));

/**
 * The `maintenance` seed type (conditional fields and end-after-start) on every input path:
 * REST, spreadsheet import and OCR apply refuse and drop exactly what the shared table says;
 * list filters, OCR mapping and export work on it as on the other seed types.
 */
describe('the maintenance type on every path', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.strapi.server.httpServer);
  const create = (form: object) => api().post('/api/ticketing/tickets').set(auth(tokens.publisher)).send({ data: { type: 'maintenance', form } });

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    for (const role of ['handler', 'publisher']) tokens[role] = await userToken(app.strapi, role);
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  it.each(cases.map((c) => [c.name, c] as const))('REST: %s', async (_name, c) => {
    const res = await create(c.form);
    if (c.errors.length) {
      expect(res.status).toBe(400);
      const fields = [...new Set(res.body.error.details.errors.map((e: { field: string }) => e.field))].sort();
      expect(fields).toEqual(c.errors);
    } else {
      expect(res.status).toBe(201);
      const saved = Object.keys(res.body.data.form);
      expect(saved.filter((k) => hiddenIn(c).includes(k))).toEqual([]);
      const row = await app.strapi.db.connection('ticketing_tickets').where({ document_id: res.body.data.documentId }).first();
      const stored = typeof row.form_data === 'string' ? JSON.parse(row.form_data) : row.form_data;
      expect(Object.keys(stored).filter((k) => hiddenIn(c).includes(k))).toEqual([]);
    }
  });

  it('import: every row of the table is valid or rejected as the table says, hidden cells dropped', async () => {
    const header = ['站点名称', '作业类型', '作业说明', '开始时间', '结束时间', '业务影响', '中断时长（分钟）', '审批人电话'];
    const cell = (v: unknown) => (v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
    const lines = cases.map((c) => KEYS.map((k) => cell(c.form[k])).join(','));
    const csv = Buffer.from(`\uFEFF${header.join(',')}\n${lines.join('\n')}\n`, 'utf8');
    const started = await postImport(app.strapi, tokens.publisher, csv, 'maintenance.csv', { dryRun: 'true' });
    expect(started.status).toBe(202);
    const job = await finishedJob(app.strapi, tokens.publisher, started.body.data.documentId);
    expect(job.status).toBe('succeeded');
    const report = (await api().get(`/api/excel-io/imports/${job.documentId}/report?pageSize=100`).set(auth(tokens.publisher))).body.data;
    expect(report.ticketType).toBe('maintenance');
    const rows: ReportRow[] = report.rows;
    const verdicts = rows.map((r) => ({ row: r.row, errors: [...new Set(r.errors.map((e) => e.field))].sort() }));
    expect(verdicts).toEqual(cases.map((c, i) => ({ row: i + 2, errors: c.errors })));
    for (const [i, r] of rows.entries()) {
      if (r.status === 'valid') expect(Object.keys(r.data).filter((k) => hiddenIn(cases[i]).includes(k))).toEqual([]);
    }
  });

  describe('a ticket worked by a handler', () => {
    let id: string;
    let version: number;
    beforeAll(async () => {
      const res = await create(cases[0].form);
      id = res.body.data.documentId;
      version = res.body.data.version;
      const photo = await api().post(`/api/ticketing/tickets/${id}/images`).set(auth(tokens.publisher)).attach('files', await plainPng(), 'sheet.png');
      const line = (text: string, y: number) => ({ text, confidence: 0.99, box: [[10, y], [300, y], [300, y + 20], [10, y + 20]] });
      await app.strapi
        .plugin('ocr')
        .service('results')
        .save(id, photo.body.data[0].id, { width: 300, height: 200, durationMs: 5, lines: [line('业务影响：业务中断', 10), line('中断时长：30分钟', 40), line('作业类型：其他', 70)] }, null, 'job1');
    });

    it('OCR maps the printed labels to its fields', async () => {
      const res = await api().get(`/api/ocr/tickets/${id}/suggestions`).set(auth(tokens.handler));
      expect(res.status).toBe(200);
      const byField = Object.fromEntries(res.body.data.map((s: { field: string; value: unknown }) => [s.field, s.value]));
      expect(byField).toMatchObject({ impact: 'outage', outage_minutes: 30, work_type: 'other' });
    });

    it('OCR apply holds the conditions: an outage needs its minutes and approver, an end stays after the start', async () => {
      const apply = (values: object) => api().post(`/api/ocr/tickets/${id}/apply`).set(auth(tokens.handler)).send({ data: { values, version } });
      const outage = await apply({ impact: 'outage' });
      expect(outage.status).toBe(400);
      expect(outage.body.error.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['approver_phone', 'outage_minutes']);
      const early = await apply({ end_at: '2026-12-01T09:59:59+08:00' });
      expect(early.status).toBe(400);
      expect(early.body.error.details.errors).toEqual([expect.objectContaining({ field: 'end_at', message: '必须晚于开始时间' })]);
      const fine = await apply({ impact: 'outage', outage_minutes: 30, approver_phone: '13800138000' });
      expect(fine.status).toBe(200);
      version = fine.body.data.version;
      // back to no impact: the minutes are hidden again and leave the ticket
      const none = await apply({ impact: 'none' });
      expect(none.status).toBe(200);
      expect(none.body.data.form).not.toHaveProperty('outage_minutes');
      expect(none.body.data.form).toMatchObject({ impact: 'none', approver_phone: '13800138000' });
    });
  });

  it('list filters and sorting work on its fields', async () => {
    const res = await api()
      .get('/api/ticketing/tickets')
      .query({ type: 'maintenance', filters: { form: { impact: { $eq: 'outage' }, outage_minutes: { $gte: 1 } } }, sort: 'start_at:desc' })
      .set(auth(tokens.handler));
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    for (const t of res.body.data) expect(t.form).toMatchObject({ impact: 'outage', outage_minutes: expect.any(Number) });
  });

  it('exports as CSV with every column, a hidden field blank', async () => {
    const job = await runExport(app.strapi, tokens.publisher, { ticketType: 'maintenance', format: 'csv', locale: 'en', columns: ['site_name', 'impact', 'outage_minutes', 'end_at'] });
    expect(job.status).toBe('succeeded');
    const text = (await download(app.strapi, tokens.publisher, job.documentId)).bytes.toString('utf8');
    const [head, ...rows] = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(head).toBe('Site name,Service impact,Outage (minutes),End');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => /,None,,/.test(r))).toBe(true);
    expect(rows.some((r) => /,Outage,30,/.test(r))).toBe(true);
  });
});
