import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { auth, excelDevDir, excelDevFiles, finishedJob, postImport, reportDifferences, type ReportRow } from './helpers/excel-imports';

// the generator of hostile files (issue 14 point 8), shared with the plugin's unit tests
const hostile = require('../../plugins/excel-io/scripts/make-hostile-files') as {
  hostileFiles(): Promise<Record<string, Buffer>>;
  variants(): Promise<Record<string, Buffer>>;
  webserviceWorkbook(url: string): Promise<Buffer>;
};

process.env.JOBS_BACKOFF_MS = '100';
// small enough for a test to cross it with a few megabytes
process.env.IMPORT_MAX_BYTES = String(2 * 1024 * 1024);

const devFile = (name: string) => fs.readFileSync(path.join(excelDevDir, name));
const truthOf = (name: string) => (excelDevFiles().find((f) => f.name === name) as ReturnType<typeof excelDevFiles>[number]).truth;

describe('Excel import API', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.strapi.server.httpServer);
  const db = () => app.strapi.db.connection;
  const count = async (table: string, where: (q: ReturnType<ReturnType<typeof db>>) => unknown = () => undefined) => {
    const q = db()(table);
    where(q);
    return Number((await q.count({ n: '*' }))[0].n);
  };
  /** Everything an import may leave behind: objects under imports/, jobs, report rows, imported tickets, import audit entries. */
  const footprint = async () => ({
    objects: (await s3.keys()).filter((k) => k.includes('imports/')).length,
    jobs: await count('jobs_jobs', (q) => (q as { where: (w: object) => unknown }).where({ kind: 'import' })),
    rows: await count('excel_io_import_rows'),
    tickets: await count('ticketing_tickets', (q) => (q as { whereNotNull: (c: string) => unknown }).whereNotNull('import_job')),
    audits: await count('ticketing_audit_logs', (q) => (q as { where: (w: object) => unknown }).where({ action: 'import' })),
  });
  const report = async (token: string, id: string, query = '') => (await api().get(`/api/excel-io/imports/${id}/report${query}`).set(auth(token))).body.data;

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    for (const role of ['viewer', 'handler', 'publisher', 'admin']) tokens[role] = await userToken(app.strapi, role);
    tokens.otherPublisher = await userToken(app.strapi, 'publisher');
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  describe('rights (import.run: publisher and admin)', () => {
    it.each(['viewer', 'handler'])('%s: 403 on every route, and nothing is stored', async (role) => {
      const before = await footprint();
      const file = devFile('dev01_bs_fault_pudong.xlsx');
      for (const route of ['/api/excel-io/imports', '/api/excel-io/imports/preview']) {
        const res = await postImport(app.strapi, tokens[role], file, 'dev01.xlsx', {}, route);
        expect(res.status).toBe(403);
      }
      expect((await api().get('/api/excel-io/mappings').set(auth(tokens[role]))).status).toBe(403);
      expect(await footprint()).toEqual(before);
    });

    it('no credentials: 401', async () => {
      const res = await api().post('/api/excel-io/imports').attach('file', devFile('dev01_bs_fault_pudong.xlsx'), 'dev01.xlsx');
      expect(res.status).toBe(401);
    });

    it.each(['publisher', 'admin'])('%s: 202 with the job record', async (role) => {
      const res = await postImport(app.strapi, tokens[role], devFile('dev05_bs_fault_formulas.xlsx'), 'dev05.xlsx', { dryRun: 'true' });
      expect(res.status).toBe(202);
      expect(res.body.data).toMatchObject({ kind: 'import', status: 'queued' });
      expect((await finishedJob(app.strapi, tokens[role], res.body.data.documentId)).status).toBe('succeeded');
    });
  });

  it('preview: detected type, sheet, header row, every column with its field and score, the first rows checked; nothing stored', async () => {
    const before = await footprint();
    const res = await postImport(app.strapi, tokens.publisher, devFile('dev04_site_survey_two_sheets.xlsx'), 'dev04.xlsx', {}, '/api/excel-io/imports/preview');
    expect(res.status).toBe(200);
    const preview = res.body.data;
    expect(preview).toMatchObject({ format: 'xlsx', ticketType: 'site-survey', sheet: '勘察数据', headerRow: 1, requiredUnmapped: [], savedMapping: null });
    expect(preview.sheets.map((s: { name: string }) => s.name)).toEqual(['填表说明', '勘察数据']);
    expect(preview.candidates[0].ticketType).toBe('site-survey');
    expect(preview.mapping).toEqual(truthOf('dev04_site_survey_two_sheets').mapping);
    const address = preview.columns.find((c: { header: string }) => c.header === 'Address');
    expect(address).toMatchObject({ field: 'address', score: 1, source: 'exact', letter: 'C' });
    expect(preview.rows.length).toBe(20);
    expect(preview.rows[0]).toMatchObject({ row: 2, status: expect.stringMatching(/valid|rejected/) });
    expect(preview.estimatedRows).toBeGreaterThan(70);
    expect(await footprint()).toEqual(before);
  });

  it('dry run: the report says what would happen; no ticket, no audit entry', async () => {
    const truth = truthOf('dev01_bs_fault_pudong');
    const res = await postImport(app.strapi, tokens.publisher, devFile('dev01_bs_fault_pudong.xlsx'), 'dev01.xlsx', { dryRun: 'true' });
    const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
    expect(job.status).toBe('succeeded');
    const data = await report(tokens.publisher, job.documentId);
    expect(data.dryRun).toBe(true);
    const valid = truth.rows.filter((r) => 'valid' in r && r.valid).length;
    const invalid = truth.rows.filter((r) => 'valid' in r && !r.valid).length;
    expect(data.counts).toMatchObject({ created: 0, valid, rejected: invalid });
    // the same verdicts a real run gives, with `valid` for `created`
    const asRun = data.rows.map((r: ReportRow) => ({ ...r, status: r.status === 'valid' ? 'created' : r.status }));
    expect(reportDifferences(truth, { mapping: data.mapping, rows: asRun })).toEqual([]);
    expect(await count('ticketing_tickets', (q) => (q as { where: (w: object) => unknown }).where({ import_job: job.documentId }))).toBe(0);
    expect(await count('ticketing_audit_logs', (q) => (q as { whereRaw: (s: string, b: string[]) => unknown }).whereRaw(`meta->>'job' = ?`, [job.documentId]))).toBe(0);
  });

  it('report: in the caller\'s language, read by its creator and admins only; report.xlsx holds the rejected rows with an error column and the bad cells marked', async () => {
    const res = await postImport(app.strapi, tokens.publisher, devFile('dev06_bs_fault_csv.csv'), 'dev06.csv');
    const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
    const zh = await report(tokens.publisher, job.documentId, '?status=rejected');
    const en = (await api().get(`/api/excel-io/imports/${job.documentId}/report?status=rejected`).set(auth(tokens.publisher)).set('Accept-Language', 'en')).body.data;
    expect(zh.rows.length).toBe(14);
    expect(zh.rows.every((r: ReportRow) => r.status === 'rejected' && r.errors.length > 0)).toBe(true);
    expect(zh.rows.map((r: ReportRow) => r.errors.map((e) => e.field))).toEqual(en.rows.map((r: ReportRow) => r.errors.map((e) => e.field)));
    expect(zh.rows[0].errors[0].message).not.toBe(en.rows[0].errors[0].message);
    expect(zh.rows.some((r: ReportRow) => /[\u4e00-\u9fff]/.test(r.errors[0].message))).toBe(true);

    expect((await api().get(`/api/excel-io/imports/${job.documentId}/report`).set(auth(tokens.otherPublisher))).status).toBe(404);
    expect((await api().get(`/api/excel-io/imports/${job.documentId}/report`).set(auth(tokens.admin))).status).toBe(200);

    const xlsx = await api()
      .get(`/api/excel-io/imports/${job.documentId}/report.xlsx`)
      .set(auth(tokens.publisher))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 14);
    const header = sheet.getRow(1).values as unknown[];
    expect(header[header.length - 1]).toBe('错误');
    const first = sheet.getRow(2);
    const errorText = String(first.getCell(header.length - 1).value);
    expect(errorText).toContain(zh.rows[0].errors[0].field);
    const badColumn = (header as string[]).indexOf(Object.entries(zh.mapping).find(([, f]) => f === zh.rows[0].errors[0].field)?.[0] as string);
    expect(first.getCell(badColumn).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('saved mapping: confirmed once with overrides, applied first next time (shown as saved); admins delete it', async () => {
    const file = devFile('dev07_bs_fault_aliases.xlsx');
    const overrides = { 小区名称: 'site_name', 站点名称: null };
    const res = await postImport(app.strapi, tokens.publisher, file, 'dev07.xlsx', {
      ticketType: 'bs-fault',
      dryRun: 'true',
      saveMapping: 'true',
      mapping: JSON.stringify(overrides),
    });
    expect(res.status).toBe(202);
    const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
    expect((await report(tokens.publisher, job.documentId)).mapping).toMatchObject(overrides);

    const again = (await postImport(app.strapi, tokens.otherPublisher, file, 'dev07-again.xlsx', {}, '/api/excel-io/imports/preview')).body.data;
    expect(again.mapping).toMatchObject(overrides);
    const saved = again.columns.filter((c: { source: string }) => c.source === 'saved');
    expect(saved.length).toBe(Object.keys(truthOf('dev07_bs_fault_aliases').mapping).length);
    expect(again.savedMapping).toEqual(expect.any(String));

    const listed = (await api().get('/api/excel-io/mappings?ticketType=bs-fault').set(auth(tokens.publisher))).body.data;
    expect(listed.map((m: { id: string }) => m.id)).toContain(again.savedMapping);
    expect((await api().delete(`/api/excel-io/mappings/${again.savedMapping}`).set(auth(tokens.publisher))).status).toBe(403);
    expect((await api().delete(`/api/excel-io/mappings/${again.savedMapping}`).set(auth(tokens.admin))).status).toBe(200);
    const after = (await postImport(app.strapi, tokens.publisher, file, 'dev07.xlsx', {}, '/api/excel-io/imports/preview')).body.data;
    expect(after.savedMapping).toBeNull();
    expect(after.mapping).toEqual(truthOf('dev07_bs_fault_aliases').mapping);

    // the wizard's confirm step: POST /mappings
    const confirmed = await api()
      .post('/api/excel-io/mappings')
      .set(auth(tokens.publisher))
      .send({ data: { ticketType: 'bs-fault', headers: Object.keys(overrides), mapping: { 小区名称: 'no_such_field' } } });
    expect(confirmed.status).toBe(400);
  });

  it('a retried job (its saved step lost) creates no ticket and no audit entry twice', async () => {
    const res = await postImport(app.strapi, tokens.publisher, devFile('dev05_bs_fault_formulas.xlsx'), 'dev05.xlsx');
    const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
    expect(job.status).toBe('succeeded');
    const tickets = () => count('ticketing_tickets', (q) => (q as { where: (w: object) => unknown }).where({ import_job: job.documentId }));
    const audits = () => count('ticketing_audit_logs', (q) => (q as { whereRaw: (s: string, b: string[]) => unknown }).whereRaw(`meta->>'job' = ?`, [job.documentId]));
    const before = { tickets: await tickets(), audits: await audits(), rows: await count('excel_io_import_rows') };
    expect(before.tickets).toBe(truthOf('dev05_bs_fault_formulas').rows.filter((r) => 'valid' in r && r.valid).length);
    expect(before.audits).toBe(before.tickets);

    // the processor run again from the start, as an attempt after a crash before any saved step
    const definition = app.strapi.plugin('jobs').service('queues').definition('import');
    const record = (await api().get(`/api/jobs/${job.documentId}`).set(auth(tokens.publisher))).body.data;
    const noop = async () => undefined;
    await definition.processor({
      id: job.documentId,
      kind: 'import',
      data: record.params,
      creatorId: null,
      attempt: 2,
      step: undefined,
      signal: new AbortController().signal,
      progress: noop,
      saveStep: noop,
      throwIfCancelled: noop,
      bullJob: null,
    });
    expect({ tickets: await tickets(), audits: await audits(), rows: await count('excel_io_import_rows') }).toEqual(before);
  });

  describe('bad input: a clear 4xx, nothing stored', () => {
    let files: Record<string, Buffer>;
    beforeAll(async () => {
      files = await hostile.hostileFiles();
    });

    it('every hostile file is refused with its reason', async () => {
      const before = await footprint();
      const answers: Record<string, [number, string]> = {};
      for (const [name, bytes] of Object.entries(files)) {
        const res = await postImport(app.strapi, tokens.publisher, bytes, name);
        answers[name] = [res.status, res.body.error?.message ?? ''];
      }
      for (const [name, [status, message]] of Object.entries(answers)) {
        expect([name, status]).toEqual([name, 400]);
        expect(message).toMatch(/^Not an importable spreadsheet: .+/);
      }
      expect(answers['zip-bomb.xlsx'][1]).toMatch(/zip bomb/);
      expect(answers['xxe.xlsx'][1]).toMatch(/DTD or entities/);
      expect(answers['zip-slip.xlsx'][1]).toMatch(/escapes the archive/);
      expect(answers['invalid-utf8.csv'][1]).toMatch(/invalid UTF-8 at byte \d+/);
      expect(await footprint()).toEqual(before);
    });

    it('a file over IMPORT_MAX_BYTES: 413', async () => {
      const big = Buffer.concat([devFile('dev06_bs_fault_csv.csv'), Buffer.alloc(2 * 1024 * 1024 + 1, 0x0a)]);
      const res = await postImport(app.strapi, tokens.publisher, big, 'big.csv');
      expect(res.status).toBe(413);
      expect(res.body.error.message).toMatch(/at most 2097152 bytes/);
    });

    it.each([
      ['nope', /Unknown ticket type "nope"/],
      ["bs-fault'; DROP TABLE ticketing_tickets; --", /ticketType must be the key of a ticket type/],
      ['../../etc/passwd', /ticketType must be the key of a ticket type/],
    ])('ticketType %j: 400', async (ticketType, message) => {
      const res = await postImport(app.strapi, tokens.publisher, devFile('dev06_bs_fault_csv.csv'), 'dev06.csv', { ticketType });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it.each([
      [{ mapping: '{not json' }, /mapping must be JSON/],
      [{ mapping: '{"站点名称": "no_such_field"}' }, /no_such_field/],
      [{ dryRun: 'maybe' }, /dryRun must be true or false/],
      [{ sheet: 'Sheet9' }, /no sheet "Sheet9"/],
    ])('options %j: 400', async (fields, message) => {
      const res = await postImport(app.strapi, tokens.publisher, devFile('dev01_bs_fault_pudong.xlsx'), 'dev01.xlsx', fields as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('no file: 400', async () => {
      expect((await api().post('/api/excel-io/imports').set(auth(tokens.publisher)).field('dryRun', 'true')).status).toBe(400);
    });

    it('headers that fit two ticket types alike: 400 naming both; naming the type settles it', async () => {
      // an admin's copy of bs-fault: a bs-fault file now fits both types equally well
      const fields = (await app.strapi.plugin('ticketing').service('ticket-types').definition('bs-fault')).fields;
      const documents = app.strapi.documents('plugin::ticketing.ticket-type');
      const copy = await documents.create({ data: { key: 'bs-fault-copy', nameZh: '故障（副本）', nameEn: 'Fault (copy)', fields, active: true } });
      try {
        const file = devFile('dev01_bs_fault_pudong.xlsx');
        const ambiguous = await postImport(app.strapi, tokens.publisher, file, 'dev01.xlsx', { dryRun: 'true' });
        expect(ambiguous.status).toBe(400);
        expect(ambiguous.body.error.message).toMatch(/fit several ticket types alike: .*bs-fault.*bs-fault/);
        expect(ambiguous.body.error.details.candidates.map((c: { ticketType: string }) => c.ticketType).sort()).toEqual(['bs-fault', 'bs-fault-copy', 'maintenance', 'site-survey']);
        const named = await postImport(app.strapi, tokens.publisher, file, 'dev01.xlsx', { dryRun: 'true', ticketType: 'bs-fault' });
        expect(named.status).toBe(202);
        await finishedJob(app.strapi, tokens.publisher, named.body.data.documentId);
      } finally {
        await documents.update({ documentId: copy.documentId, data: { active: false } as never });
      }
    });

    it('headers that name no field of any type: 400', async () => {
      const res = await postImport(app.strapi, tokens.publisher, Buffer.from('名字,年龄\n张三,30\n'), 'people.csv');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/No ticket type matches the headers/);
    });

    it('WEBSERVICE formulas are never fetched: the row is rejected naming the formula', async () => {
      let requests = 0;
      const server = http.createServer((_req, res) => {
        requests += 1;
        res.end('浦东张江基站99');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/site`;
      try {
        const res = await postImport(app.strapi, tokens.publisher, await hostile.webserviceWorkbook(url), 'webservice.xlsx', { dryRun: 'true' });
        expect(res.status).toBe(202);
        const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
        const rows = (await report(tokens.publisher, job.documentId)).rows as ReportRow[];
        expect(rows.map((r) => r.status)).toEqual(['rejected', 'valid']);
        expect(rows[0].errors).toEqual([{ field: 'site_name', message: expect.stringMatching(/formula fetching external data is not read: =WEBSERVICE/) }]);
        expect(requests).toBe(0);
      } finally {
        server.close();
      }
    });
  });

  describe('good files in unusual dress import like their originals', () => {
    it.each([
      ['dev06_bs_fault_csv.gb18030.csv', 'dev06_bs_fault_csv', 'gb18030'],
      ['dev01_bs_fault_pudong.date1904.xlsx', 'dev01_bs_fault_pudong', null],
    ])('%s', async (name, original, encoding) => {
      const bytes = (await hostile.variants())[name];
      const res = await postImport(app.strapi, tokens.publisher, bytes, name, { dryRun: 'true' });
      expect(res.status).toBe(202);
      const job = await finishedJob(app.strapi, tokens.publisher, res.body.data.documentId);
      const data = await report(tokens.publisher, job.documentId);
      expect(data.encoding).toBe(encoding);
      const asRun = data.rows.map((r: ReportRow) => ({ ...r, status: r.status === 'valid' ? 'created' : r.status }));
      expect(reportDifferences(truthOf(original), { mapping: data.mapping, rows: asRun })).toEqual([]);
    });
  });
});
