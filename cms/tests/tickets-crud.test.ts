import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { bsFaultForm, siteSurveyForm } from './helpers/tickets';

describe('tickets REST API: create, read, update, transitions, audit', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let handler: string;
  const api = () => request(app.strapi.server.httpServer);
  const as = (token: string) => ({
    get: (url: string) => api().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: unknown) => api().post(url).set('Authorization', `Bearer ${token}`).send(body as object),
    put: (url: string, body: unknown) => api().put(url).set('Authorization', `Bearer ${token}`).send(body as object),
    del: (url: string) => api().delete(url).set('Authorization', `Bearer ${token}`),
  });
  const create = async (type = 'bs-fault', form: Record<string, unknown> = bsFaultForm()) => {
    const res = await as(publisher).post('/api/ticketing/tickets', { data: { type, form } });
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const ticketCount = () => app.strapi.db.query('plugin::ticketing.ticket').count();

  beforeAll(async () => {
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
    handler = await userToken(app.strapi, 'handler');
  });
  afterAll(async () => app?.stop());

  it('creates a draft with canonical values from loose input', async () => {
    const t = await create();
    expect(t).toMatchObject({
      type: 'bs-fault',
      typeVersion: 1,
      status: 'draft',
      version: 1,
      allowedTransitions: ['submitted'],
      creator: { username: expect.stringMatching(/^user/) },
    });
    expect(t.documentId).toMatch(/^[a-z0-9]{24}$/);
    expect(t.form).toEqual({
      site_name: '浦东张江基站01',
      gnb_id: 123456,
      pci: 387,
      nr_arfcn: 627264,
      band: 'n78',
      fault_type: 'cell_down',
      severity: 'critical',
      occurred_at: '2026-11-30T08:15:00+08:00',
      longitude: 121.47,
      latitude: 31.23,
      reporter_phone: '13800138000',
      description: '小区退服，传输告警',
    });
    expect(t.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    const got = await as(handler).get(`/api/ticketing/tickets/${t.documentId}`);
    expect(got.status).toBe(200);
    expect(got.body.data.form).toEqual(t.form);
    expect(got.body.data.allowedTransitions).toEqual([]);
    const survey = await create('site-survey', siteSurveyForm());
    expect(survey.form).toMatchObject({ tower_height: 35, survey_date: '2026-11-30', power_supply: 'grid' });
  });

  const invalid: [string, string, Record<string, unknown>][] = [
    ['bs-fault', 'site_name', { site_name: undefined }],
    ['bs-fault', 'site_name', { site_name: 'x'.repeat(65) }],
    ['bs-fault', 'gnb_id', { gnb_id: 4294967296 }],
    ['bs-fault', 'gnb_id', { gnb_id: undefined }],
    ['bs-fault', 'pci', { pci: 1008 }],
    ['bs-fault', 'pci', { pci: 'abc' }],
    ['bs-fault', 'pci', { pci: 3.5 }],
    ['bs-fault', 'nr_arfcn', { nr_arfcn: 3279166 }],
    ['bs-fault', 'band', { band: 'n99' }],
    ['bs-fault', 'fault_type', { fault_type: '停电' }],
    ['bs-fault', 'severity', { severity: undefined }],
    ['bs-fault', 'severity', { severity: 'urgent' }],
    ['bs-fault', 'occurred_at', { occurred_at: 'yesterday' }],
    ['bs-fault', 'occurred_at', { occurred_at: undefined }],
    ['bs-fault', 'longitude', { longitude: 180.5 }],
    ['bs-fault', 'latitude', { latitude: -90.1 }],
    ['bs-fault', 'reporter_phone', { reporter_phone: '12345678901' }],
    ['bs-fault', 'description', { description: '长'.repeat(2001) }],
    ['bs-fault', 'colour', { colour: 'red' }],
    ['site-survey', 'address', { address: 'x'.repeat(201) }],
    ['site-survey', 'address', { address: undefined }],
    ['site-survey', 'longitude', { longitude: undefined }],
    ['site-survey', 'tower_height', { tower_height: 200.5 }],
    ['site-survey', 'antenna_count', { antenna_count: 0 }],
    ['site-survey', 'antenna_count', { antenna_count: 25 }],
    ['site-survey', 'power_supply', { power_supply: 'wind' }],
    ['site-survey', 'survey_date', { survey_date: '2026-02-30' }],
    ['site-survey', 'surveyor', { surveyor: 'x'.repeat(33) }],
    ['site-survey', 'photos', { photos: Array.from({ length: 21 }, (_, i) => `p${i}`) }],
  ];
  it.each(invalid)('%s: rejects a bad %s and writes nothing', async (type, key, change) => {
    const before = await ticketCount();
    const form = { ...(type === 'bs-fault' ? bsFaultForm() : siteSurveyForm()), ...change } as Record<string, unknown>;
    for (const k of Object.keys(form)) if (form[k] === undefined) delete form[k];
    const res = await as(publisher).post('/api/ticketing/tickets', { data: { type, form } });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.details.errors.map((e: { field: string }) => e.field)).toEqual([key]);
    expect(await ticketCount()).toBe(before);
  });

  it('lists every failing field at once, in the request locale', async () => {
    const form = bsFaultForm({ pci: 2000, severity: undefined, longitude: 'east' });
    delete (form as Record<string, unknown>).severity;
    const zh = await as(publisher).post('/api/ticketing/tickets', { data: { type: 'bs-fault', form } });
    expect(zh.status).toBe(400);
    const fields = zh.body.error.details.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['longitude', 'pci', 'severity']);
    const pciZh = zh.body.error.details.errors.find((e: { field: string }) => e.field === 'pci');
    expect(pciZh.label).toBe('物理小区标识');
    expect(pciZh.message).toMatch(/[\u4e00-\u9fff]/);

    const en = await as(publisher).post('/api/ticketing/tickets?locale=en', { data: { type: 'bs-fault', form } });
    const pciEn = en.body.error.details.errors.find((e: { field: string }) => e.field === 'pci');
    expect(pciEn.label).toBe('PCI');
    expect(pciEn.message).toBe('must be <= 1007');
    const byHeader = await as(publisher).post('/api/ticketing/tickets', { data: { type: 'bs-fault', form } }).set('Accept-Language', 'en');
    expect(byHeader.body.error.details.errors.find((e: { field: string }) => e.field === 'severity').message).toBe(
      'must have required property severity',
    );
  });

  it('refuses malformed bodies with 4xx and writes nothing', async () => {
    const before = await ticketCount();
    const post = (body: unknown) => as(publisher).post('/api/ticketing/tickets', body);
    expect((await post({ type: 'bs-fault' })).status).toBe(400);
    expect((await post({ data: { type: 'no-such-type', form: bsFaultForm() } })).body.error.message).toContain('no-such-type');
    expect((await post({ data: { type: 'bs-fault', form: [1, 2] } })).status).toBe(400);
    expect((await post({ data: { type: 42, form: {} } })).status).toBe(400);
    const huge = await post({ data: { type: 'bs-fault', form: bsFaultForm({ description: 'x'.repeat(2 * 1024 * 1024) }) } });
    expect(huge.status).toBe(413);
    expect(await ticketCount()).toBe(before);
  });

  it('never loses an update: the second writer from the same version gets 409 with the current state', async () => {
    const t = await create();
    const url = `/api/ticketing/tickets/${t.documentId}`;
    const [a, b] = await Promise.all([
      as(publisher).put(url, { data: { version: 1, form: bsFaultForm({ pci: 100 }) } }),
      as(handler).put(url, { data: { version: 1, form: bsFaultForm({ pci: 200 }) } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.details).toMatchObject({ version: 2, status: 'draft', form: winner.body.data.form });
    const got = await as(handler).get(url);
    expect(got.body.data.version).toBe(2);
    expect(got.body.data.form.pci).toBe(winner.body.data.form.pci);
  });

  it('refuses a missing or malformed version', async () => {
    const t = await create();
    const url = `/api/ticketing/tickets/${t.documentId}`;
    expect((await as(publisher).put(url, { data: { form: bsFaultForm() } })).status).toBe(400);
    expect((await as(publisher).put(url, { data: { form: bsFaultForm(), version: '1' } })).status).toBe(400);
    expect((await as(publisher).put('/api/ticketing/tickets/nope', { data: { form: bsFaultForm(), version: 1 } })).status).toBe(404);
  });

  it('validates an update against the type version the ticket was written with', async () => {
    const old = await create();
    const types = app.strapi.db.query('plugin::ticketing.ticket-type');
    const type = await types.findOne({ where: { key: 'bs-fault' } });
    const fields = type.fields.map((f: any) => (f.key === 'pci' ? { ...f, rules: { minimum: 0, maximum: 503 } } : f));
    await app.strapi.documents('plugin::ticketing.ticket-type').update({ documentId: type.documentId, data: { fields } as never });
    expect((await types.findOne({ where: { key: 'bs-fault' } })).version).toBe(2);

    const res = await as(publisher).put(`/api/ticketing/tickets/${old.documentId}`, { data: { version: 1, form: bsFaultForm({ pci: 800 }) } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ typeVersion: 1, version: 2 });
    expect(res.body.data.form.pci).toBe(800);

    const fresh = await as(publisher).post('/api/ticketing/tickets', { data: { type: 'bs-fault', form: bsFaultForm({ pci: 800 }) } });
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.details.errors[0].field).toBe('pci');
    const ok = await create('bs-fault', bsFaultForm({ pci: 500 }));
    expect(ok.typeVersion).toBe(2);
  });

  it('makes every legal move for a permitted role and refuses the rest', async () => {
    const move = (t: { documentId: string }, to: string, version: number, token = publisher) =>
      as(token).post(`/api/ticketing/tickets/${t.documentId}/transition`, { data: { to, version } });
    const t = await create();
    const path: [string, string][] = [
      ['submitted', 'publisher'],
      ['in_progress', 'handler'],
      ['resolved', 'handler'],
      ['in_progress', 'publisher'],
      ['resolved', 'handler'],
      ['closed', 'publisher'],
    ];
    let version = 1;
    for (const [to, who] of path) {
      const res = await move(t, to, version, who === 'handler' ? handler : publisher);
      expect(res.status).toBe(200);
      expect(res.body.data.status).toBe(to);
      version = res.body.data.version;
    }
    const r = await create();
    for (const [to, who] of [['submitted', publisher], ['rejected', handler], ['draft', publisher], ['submitted', publisher], ['in_progress', handler], ['rejected', handler]] as const) {
      const res = await move(r, to, (await as(publisher).get(`/api/ticketing/tickets/${r.documentId}`)).body.data.version, who);
      expect(res.status).toBe(200);
      expect(res.body.data.status).toBe(to);
    }

    const d = await create();
    const illegal = await move(d, 'closed', 1);
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.details).toMatchObject({ status: 'draft', allowedTransitions: ['submitted'] });
    const forbidden = await move(d, 'submitted', 1, handler);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('transition:draft->submitted');
    const stale = await move(d, 'submitted', 7);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.version).toBe(1);
    expect((await as(publisher).get(`/api/ticketing/tickets/${d.documentId}`)).body.data).toMatchObject({ status: 'draft', version: 1 });
  });

  it('audits create, update, transition and delete with field diffs, newest first, and keeps them after the delete', async () => {
    const t = await create();
    const url = `/api/ticketing/tickets/${t.documentId}`;
    await as(publisher).put(url, { data: { version: 1, form: bsFaultForm({ pci: 388, description: undefined }) } });
    await as(publisher).post(`${url}/transition`, { data: { to: 'submitted', version: 2 } });
    const deleted = await as(publisher).del(url);
    expect(deleted.status).toBe(200);
    expect((await as(publisher).get(url)).status).toBe(404);

    const history = await as(handler).get(`${url}/history?pageSize=2`);
    expect(history.status).toBe(200);
    expect(history.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 4 });
    expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'transition']);
    expect(history.body.data[1].diff).toEqual({ status: ['draft', 'submitted'] });
    expect(history.body.data[0].actor).toMatchObject({ kind: 'user', name: expect.stringMatching(/^user/) });
    const older = await as(handler).get(`${url}/history?page=2&pageSize=2`);
    expect(older.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(older.body.data[0].diff).toEqual({ pci: [387, 388], description: ['小区退服，传输告警', null] });
    expect(older.body.data[1].diff.severity).toEqual([null, 'critical']);
    expect(older.body.data[1].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the audit table append-only in the database', async () => {
    await expect(app.strapi.db.connection.raw('UPDATE ticketing_audit_logs SET action = ?', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(app.strapi.db.connection.raw('DELETE FROM ticketing_audit_logs')).rejects.toThrow(/append-only/);
  });
});
