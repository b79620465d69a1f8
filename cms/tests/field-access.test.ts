import request from 'supertest';
import ExcelJS from 'exceljs';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';
import { plainPng } from './helpers/photos';
import { auth, postImport } from './helpers/excel-imports';
import { download, postExport, runExport } from './helpers/excel-exports';

process.env.JOBS_BACKOFF_MS = '100';

type Role = 'viewer' | 'handler' | 'publisher' | 'admin';
const ROLES: Role[] = ['viewer', 'handler', 'publisher', 'admin'];
const PHONE = '13800138000';

/** A type made for this test: `secret` only publishers and admins read, `grade` only admins write. */
const RESTRICTED = {
  key: 'restricted',
  nameZh: '受限',
  nameEn: 'Restricted',
  active: true,
  fields: [
    { key: 'title', type: 'string', label: { 'zh-CN': '标题', en: 'Title' }, required: true },
    { key: 'secret', type: 'string', label: { 'zh-CN': '机密', en: 'Secret' }, access: { read: ['publisher', 'admin'] } },
    { key: 'grade', type: 'integer', label: { 'zh-CN': '等级', en: 'Grade' }, access: { write: ['admin'] } },
  ],
};

/**
 * Per-field access on every path (docs/ticket-types.md "Access to fields"): bs-fault's
 * reporter_phone is never sent to a viewer and its severity is written only by publishers
 * and admins; a test type covers a role that may write a ticket but not read one of its fields.
 */
describe('field access on every path', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens = {} as Record<Role, string>;
  const api = () => request(app.strapi.server.httpServer);
  const get = (role: Role, url: string, query: Record<string, unknown> = {}) => api().get(url).query(query).set(auth(tokens[role]));
  let ticket: string;

  const auditCount = async (id: string) =>
    Number((await app.strapi.db.connection('ticketing_audit_logs').where({ entity_id: id }).count({ n: '*' }))[0].n);
  const stored = async (id: string) => {
    const row = await app.strapi.db.connection('ticketing_tickets').where({ document_id: id }).first();
    return { ...row, form_data: typeof row.form_data === 'string' ? JSON.parse(row.form_data) : row.form_data };
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    for (const role of ROLES) tokens[role] = await userToken(app.strapi, role);
    const created = await api().post('/api/ticketing/tickets').set(auth(tokens.publisher)).send({ data: { type: 'bs-fault', form: bsFaultForm() } });
    expect(created.status).toBe(201);
    ticket = created.body.data.documentId;
    // a change by a handler, so the history holds an update with a phone in its diff
    const edited = await api()
      .put(`/api/ticketing/tickets/${ticket}`)
      .set(auth(tokens.handler))
      .send({ data: { form: bsFaultForm({ reporter_phone: '13900139000' }), version: 1 } });
    expect(edited.status).toBe(200);
    await app.strapi.documents('plugin::ticketing.ticket-type' as never).create({ data: RESTRICTED as never });
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  describe('bs-fault.reporter_phone is never sent to a viewer', () => {
    it.each(ROLES)('%s: the ticket, the list, the history and the schema', async (role) => {
      const reads = role !== 'viewer';
      const one = await get(role, `/api/ticketing/tickets/${ticket}`);
      const list = await get(role, '/api/ticketing/tickets', { type: 'bs-fault' });
      const history = await get(role, `/api/ticketing/tickets/${ticket}/history`);
      const schema = await get(role, '/api/ticketing/ticket-types/bs-fault/schema');
      for (const res of [one, list, history, schema]) expect(res.status).toBe(200);
      expect('reporter_phone' in one.body.data.form).toBe(reads);
      expect(list.body.data.every((t: { form: object }) => 'reporter_phone' in t.form)).toBe(reads);
      const diffs = history.body.data.map((e: { diff: object }) => e.diff);
      expect(diffs.some((d: object) => 'reporter_phone' in d)).toBe(reads);
      expect(diffs.some((d: object) => 'site_name' in d)).toBe(true);
      expect('reporter_phone' in schema.body.data.schema.properties).toBe(reads);
      expect(schema.body.data.filters.some((f: { field: string }) => f.field === 'reporter_phone')).toBe(reads);
      // nowhere in the bytes either: not under another name, not in a nested object
      for (const res of [one, list, history, schema]) {
        expect(res.text.includes('13900139000') || res.text.includes('reporter_phone')).toBe(reads);
      }
    });

    it.each(ROLES)('%s: filtering or sorting by it', async (role) => {
      const filter = await get(role, '/api/ticketing/tickets', { type: 'bs-fault', filters: { form: { reporter_phone: { $eq: PHONE } } } });
      const sort = await get(role, '/api/ticketing/tickets', { type: 'bs-fault', sort: 'reporter_phone:asc' });
      if (role === 'viewer') {
        expect([filter.status, sort.status]).toEqual([400, 400]);
        expect(filter.body.error.message).toBe('You may not filter by reporter_phone');
        expect(sort.body.error.message).toBe('You may not sort by reporter_phone');
      } else {
        expect([filter.status, sort.status]).toEqual([200, 200]);
      }
    });

    it('a viewer’s export leaves the column out, and cannot ask for it or filter by it', async () => {
      for (const role of ['viewer', 'handler'] as const) {
        const job = await runExport(app.strapi, tokens[role], { ticketType: 'bs-fault', format: 'xlsx', locale: 'en' });
        expect(job.status).toBe('succeeded');
        const { bytes } = await download(app.strapi, tokens[role], job.documentId);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as never);
        const sheet = book.worksheets[0];
        const text = JSON.stringify(sheet.getSheetValues());
        expect(text.includes('Contact phone')).toBe(role === 'handler');
        expect(text.includes('13900139000')).toBe(role === 'handler');
        expect(text.includes('Severity')).toBe(true);
      }
      const asked = await postExport(app.strapi, tokens.viewer, { ticketType: 'bs-fault', format: 'csv', columns: ['site_name', 'reporter_phone'] });
      expect(asked.status).toBe(400);
      expect(asked.body.error.message).toMatch(/reporter_phone/);
      const filtered = await postExport(app.strapi, tokens.viewer, { ticketType: 'bs-fault', format: 'csv', filters: { form: { reporter_phone: { $null: false } } } });
      expect(filtered.status).toBe(400);
      expect(filtered.body.error.message).toBe('You may not filter by reporter_phone');
    });

    it('a viewer’s Word report of the ticket holds neither the phone nor its history diff, and does hold its work notes', async () => {
      const note = await api().post(`/api/ticketing/tickets/${ticket}/notes`).set(auth(tokens.handler)).send({ data: { text: '已联系报障人，RRU 掉电' } });
      expect(note.status).toBe(201);
      const job = await runExport(app.strapi, tokens.viewer, { ticketType: 'bs-fault', format: 'docx', filters: {}, locale: 'en' });
      expect(job.status).toBe('succeeded');
      const { bytes } = await download(app.strapi, tokens.viewer, job.documentId);
      const JSZip = (await import('jszip')).default;
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect(xml).toContain('浦东张江基站01');
      expect(xml).toContain('已联系报障人，RRU 掉电');
      expect(xml).not.toContain('13900139000');
      expect(xml).not.toContain(PHONE);
    });
  });

  describe('bs-fault.severity is written only by publishers and admins', () => {
    const update = (role: Role, id: string, form: object, version: number) =>
      api().put(`/api/ticketing/tickets/${id}`).set(auth(tokens[role])).send({ data: { form, version } });

    it('a handler changing it gets a 403 naming the field, and nothing is written', async () => {
      const before = await stored(ticket);
      const audits = await auditCount(ticket);
      const res = await update('handler', ticket, bsFaultForm({ severity: 'minor', description: 'also this' }), before.version);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ name: 'ForbiddenError', message: '无权修改字段：severity (严重程度)' });
      expect(res.body.error.details.fields).toEqual([{ field: 'severity', label: '严重程度' }]);
      const after = await stored(ticket);
      expect([after.version, after.form_data, await auditCount(ticket)]).toEqual([before.version, before.form_data, audits]);
    });

    it('a handler may send it unchanged (as a label too) or leave it out; it is kept', async () => {
      let version = (await stored(ticket)).version;
      const same = await update('handler', ticket, bsFaultForm({ severity: 'Critical', description: '换了板卡' }), version);
      expect(same.status).toBe(200);
      version = same.body.data.version;
      const withoutSeverity: Record<string, unknown> = bsFaultForm({ description: '已恢复' });
      delete withoutSeverity.severity;
      const left = await update('handler', ticket, withoutSeverity, version);
      expect(left.status).toBe(200);
      expect(left.body.data.form).toMatchObject({ severity: 'critical', description: '已恢复' });
    });

    it.each(['publisher', 'admin'] as const)('a %s may change it', async (role) => {
      const version = (await stored(ticket)).version;
      const res = await update(role, ticket, bsFaultForm({ severity: role === 'admin' ? 'critical' : 'major' }), version);
      expect(res.status).toBe(200);
    });

    it('OCR never suggests it to a handler, and applying it is refused', async () => {
      const photos = await api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth(tokens.publisher)).attach('files', await plainPng(), 'p.png');
      expect(photos.status).toBe(201);
      const line = (text: string, y: number) => ({ text, confidence: 0.99, box: [[10, y], [300, y], [300, y + 20], [10, y + 20]] });
      await app.strapi
        .plugin('ocr')
        .service('results')
        .save(ticket, photos.body.data[0].id, { width: 300, height: 150, durationMs: 5, lines: [line('严重程度：一般', 10), line('站点名称：浦东金桥基站02', 40)] }, null, 'job1');
      const suggested = async (role: Role) =>
        (await get(role, `/api/ocr/tickets/${ticket}/suggestions`)).body.data.map((s: { field: string }) => s.field).sort();
      expect(await suggested('handler')).toEqual(['site_name']);
      expect(await suggested('publisher')).toEqual(['severity', 'site_name']);
      const version = (await stored(ticket)).version;
      const apply = (values: object) => api().post(`/api/ocr/tickets/${ticket}/apply`).set(auth(tokens.handler)).send({ data: { values, version } });
      const refused = await apply({ severity: 'minor' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.fields).toEqual([{ field: 'severity', label: '严重程度' }]);
      const applied = await apply({ site_name: '浦东金桥基站02' });
      expect(applied.status).toBe(200);
      expect(applied.body.data.form.site_name).toBe('浦东金桥基站02');
    });
  });

  describe('a field a role may write around but not read (the restricted test type)', () => {
    let id: string;
    beforeAll(async () => {
      const res = await api()
        .post('/api/ticketing/tickets')
        .set(auth(tokens.admin))
        .send({ data: { type: 'restricted', form: { title: 'T', secret: 'S-1', grade: 3 } } });
      expect(res.status).toBe(201);
      id = res.body.data.documentId;
    });

    it('a handler’s update keeps the secret it cannot see, and a stale write’s 409 does not show it', async () => {
      const seen = await get('handler', `/api/ticketing/tickets/${id}`);
      expect(seen.body.data.form).toEqual({ title: 'T', grade: 3 });
      const res = await api().put(`/api/ticketing/tickets/${id}`).set(auth(tokens.handler)).send({ data: { form: { title: 'T2', grade: 3 }, version: 1 } });
      expect(res.status).toBe(200);
      expect(res.body.data.form).toEqual({ title: 'T2', grade: 3 });
      expect((await stored(id)).form_data).toEqual({ title: 'T2', secret: 'S-1', grade: 3 });
      const stale = await api().put(`/api/ticketing/tickets/${id}`).set(auth(tokens.handler)).send({ data: { form: { title: 'T3' }, version: 1 } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details.form).toEqual({ title: 'T2', grade: 3 });
      const sneaked = await api().put(`/api/ticketing/tickets/${id}`).set(auth(tokens.handler)).send({ data: { form: { title: 'T2', secret: 'mine', grade: 3 }, version: 2 } });
      expect(sneaked.status).toBe(403);
      expect(sneaked.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['secret']);
    });

    it('a publisher may not create with a grade, nor import a grade column; an admin may', async () => {
      const created = await api().post('/api/ticketing/tickets').set(auth(tokens.publisher)).send({ data: { type: 'restricted', form: { title: 'P', grade: 1 } } });
      expect(created.status).toBe(403);
      expect(created.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['grade']);
      const csv = Buffer.from('\uFEFF标题,机密,等级\nA,x,1\n', 'utf8');
      const refused = await postImport(app.strapi, tokens.publisher, csv, 'r.csv', { ticketType: 'restricted', dryRun: 'true' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.columns).toEqual([{ column: 'C', header: '等级', field: 'grade' }]);
      const leftOut = await postImport(app.strapi, tokens.publisher, csv, 'r.csv', { ticketType: 'restricted', dryRun: 'true', mapping: JSON.stringify({ 等级: null }) });
      expect(leftOut.status).toBe(202);
      const admin = await postImport(app.strapi, tokens.admin, csv, 'r.csv', { ticketType: 'restricted', dryRun: 'true' });
      expect(admin.status).toBe(202);
    });
  });
});
