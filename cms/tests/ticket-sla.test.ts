import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';
import { auth } from './helpers/excel-imports';
import { waitFor } from './helpers/jobs';

// seconds, not hours: the clocks run for real; critical faults answer within 2 s, resolve within 6 s
const slaFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sla-')), 'sla.yaml');
fs.writeFileSync(
  slaFile,
  `warnAt: 0.5
types:
  bs-fault:
    by: severity
    targets:
      critical: { response: 2s, resolution: 6s }
      minor: { response: 1h, resolution: 2h }
`,
);
process.env.SLA_CONFIG = slaFile;
process.env.SLA_CHECK_INTERVAL_MS = '200';

/** SLA timers end to end with shortened targets: states in GET and list, the sweep's marks and events, restarts. */
describe('SLA timers', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens: Record<string, string> = {};
  const marks: { clock: string; state: string; ticket: string }[] = [];
  const api = () => request(app.strapi.server.httpServer);
  const get = (id: string) => api().get(`/api/ticketing/tickets/${id}`).set(auth(tokens.viewer));
  const move = async (id: string, to: string) => {
    const version = (await get(id)).body.data.version;
    const res = await api().post(`/api/ticketing/tickets/${id}/transition`).set(auth(tokens.publisher)).send({ data: { to, version } });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const listen = () =>
    app.strapi.eventHub.on('ticketing.ticket.sla', async (payload: any) => {
      marks.push({ clock: payload.clock, state: payload.state, ticket: payload.ticket.documentId });
    });
  const create = async (severity: string) =>
    (await api().post('/api/ticketing/tickets').set(auth(tokens.publisher)).send({ data: { type: 'bs-fault', form: bsFaultForm({ severity }) } })).body.data
      .documentId as string;
  const listed = async (query: Record<string, string>) =>
    (await api().get('/api/ticketing/tickets').query({ type: 'bs-fault', ...query }).set(auth(tokens.viewer))).body.data.map((t: { documentId: string }) => t.documentId);

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ['viewer', 'publisher']) tokens[role] = await userToken(app.strapi, role);
    listen();
  });
  afterAll(async () => app?.stop());

  let urgent: string;
  let calm: string;

  it('has not started in draft; starts at submission with its targets', async () => {
    urgent = await create('critical');
    calm = await create('minor');
    expect((await get(urgent)).body.data.sla).toEqual({
      state: 'ok',
      response: { target: 2, elapsed: 0, state: 'ok', running: false, dueAt: null, businessHours: false },
      resolution: { target: 6, elapsed: 0, state: 'ok', running: false, dueAt: null, businessHours: false },
    });
    const submitted = await move(urgent, 'submitted');
    expect(submitted.sla.response).toMatchObject({ target: 2, running: true, state: 'ok', dueAt: expect.stringMatching(/\+08:00$/) });
    await move(calm, 'submitted');
  });

  it('the sweep marks a warning and then a breach, each once, with an event and a history entry', async () => {
    await waitFor('a response warning', async () => marks.some((m) => m.ticket === urgent && m.clock === 'response' && m.state === 'warning'), 10_000);
    expect(await listed({ sla: 'warning' })).toContain(urgent);
    expect(await listed({ sla: 'warning' })).not.toContain(calm);
    await waitFor('a response breach', async () => marks.some((m) => m.ticket === urgent && m.clock === 'response' && m.state === 'breached'), 10_000);
    const ticket = (await get(urgent)).body.data;
    expect(ticket.sla).toMatchObject({ state: 'breached', response: { state: 'breached', running: true } });
    expect(ticket.sla.response.elapsed).toBeGreaterThanOrEqual(2);
    expect(await listed({ sla: 'breached' })).toEqual([urgent]);
    // most urgent first: the breached ticket before the calm one
    expect(await listed({ sort: 'sla:asc' })).toEqual([urgent, calm]);
    // more sweeps announce nothing twice
    await new Promise((r) => setTimeout(r, 600));
    const forUrgent = marks.filter((m) => m.ticket === urgent && m.clock === 'response');
    expect(forUrgent.map((m) => m.state)).toEqual(['warning', 'breached']);
    const history = (await api().get(`/api/ticketing/tickets/${urgent}/history`).set(auth(tokens.viewer))).body.data;
    expect(history.filter((e: { action: string }) => e.action === 'sla').map((e: { meta: { clock: string; state: string } }) => `${e.meta.clock}:${e.meta.state}`)).toEqual(
      expect.arrayContaining(['response:warning', 'response:breached']),
    );
  });

  it('lists tickets that never moved without reading the audit trail; moved ones with their clocks from it', async () => {
    const fresh = await create('critical');
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    const page = async (query: Record<string, string>) => {
      statements.length = 0;
      const res = await api().get('/api/ticketing/tickets').query({ type: 'bs-fault', ...query }).set(auth(tokens.viewer));
      expect(res.status).toBe(200);
      return res.body.data as { documentId: string; sla: { response: { running: boolean } } }[];
    };
    app.strapi.db.connection.on('query', record);
    try {
      const drafts = await page({ status: 'draft', pageSize: '1' });
      expect(drafts.map((t) => t.documentId)).toEqual([fresh]);
      expect(drafts[0].sla.response.running).toBe(false);
      expect(statements.filter((sql) => sql.includes('ticketing_audit_logs'))).toEqual([]);
      const moved = await page({ status: 'submitted' });
      expect(moved.map((t) => t.documentId)).toContain(calm);
      expect(moved.find((t) => t.documentId === calm)?.sla.response.running).toBe(true);
      expect(statements.some((sql) => sql.includes('ticketing_audit_logs'))).toBe(true);
    } finally {
      app.strapi.db.connection.off('query', record);
    }
  });

  it('stops the response clock at the start of work; the resolution clock keeps running', async () => {
    const working = await move(urgent, 'in_progress');
    expect(working.sla.response).toMatchObject({ running: false, state: 'breached', dueAt: null });
    expect(working.sla.resolution.running).toBe(true);
  });

  it('reads the same after a restart: the clocks come from the audit trail', async () => {
    const before = (await get(urgent)).body.data.sla;
    await app.restart();
    listen();
    const after = (await get(urgent)).body.data.sla;
    expect(after.response).toEqual(before.response);
    expect(after.resolution.elapsed).toBeGreaterThanOrEqual(before.resolution.elapsed);
    await waitFor('a resolution breach after the restart', async () => marks.some((m) => m.ticket === urgent && m.clock === 'resolution' && m.state === 'breached'), 15_000);
  });

  it('a resolved ticket stops its resolution clock; a type without targets has no SLA; bad filters are 400s', async () => {
    const resolved = await move(urgent, 'resolved');
    expect(resolved.sla.resolution).toMatchObject({ running: false, state: 'breached' });
    const survey = await api()
      .post('/api/ticketing/tickets')
      .set(auth(tokens.publisher))
      .send({ data: { type: 'site-survey', form: { site_name: 'S', address: 'A', longitude: 121, latitude: 31, survey_date: '2026-12-01' } } });
    expect(survey.body.data.sla).toBeNull();
    expect((await api().get('/api/ticketing/tickets').query({ sla: 'late' }).set(auth(tokens.viewer))).status).toBe(400);
  });
});
