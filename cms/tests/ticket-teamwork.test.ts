import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userWithToken } from './helpers/jobs';
import { bsFaultForm } from './helpers/tickets';
import { auth } from './helpers/excel-imports';

type Role = 'viewer' | 'handler' | 'publisher' | 'admin';

/** Assignment (claim, hand back, assign by role) and work notes, with the events they emit. */
describe('working tickets as a team', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const users = {} as Record<Role | 'handler2', { id: number; jwt: string }>;
  const events: { name: string; payload: any }[] = [];
  const api = () => request(app.strapi.server.httpServer);
  const as = (who: keyof typeof users) => auth(users[who].jwt);

  const newTicket = async () => {
    const res = await api().post('/api/ticketing/tickets').set(as('publisher')).send({ data: { type: 'bs-fault', form: bsFaultForm() } });
    return res.body.data as { documentId: string; version: number };
  };
  const assign = (who: keyof typeof users, id: string, assignee: unknown, version: number) =>
    api().post(`/api/ticketing/tickets/${id}/assign`).set(as(who)).send({ data: { assignee, version } });
  const listIds = async (who: keyof typeof users, query: Record<string, string>) =>
    (await api().get('/api/ticketing/tickets').query(query).set(as(who))).body.data.map((t: { documentId: string }) => t.documentId);

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ['viewer', 'handler', 'publisher', 'admin'] as const) users[role] = await userWithToken(app.strapi, role);
    users.handler2 = await userWithToken(app.strapi, 'handler');
    for (const name of ['assigned', 'noted', 'transitioned', 'created', 'updated']) {
      app.strapi.eventHub.on(`ticketing.ticket.${name}`, async (payload: unknown) => {
        events.push({ name, payload });
      });
    }
  });
  afterAll(async () => app?.stop());

  describe('assignment', () => {
    it('a handler claims an unassigned ticket, sees it under assignee=me, and hands it back', async () => {
      const t = await newTicket();
      events.length = 0;
      const claimed = await assign('handler', t.documentId, 'me', t.version);
      expect(claimed.status).toBe(200);
      expect(claimed.body.data.assignee).toEqual({ id: users.handler.id, username: expect.any(String) });
      expect(claimed.body.data.version).toBe(t.version + 1);
      expect(events).toEqual([
        { name: 'assigned', payload: expect.objectContaining({ from: null, to: users.handler.id, ticket: expect.objectContaining({ documentId: t.documentId, assigneeId: users.handler.id, title: '浦东张江基站01' }) }) },
      ]);
      expect(await listIds('handler', { assignee: 'me' })).toContain(t.documentId);
      expect(await listIds('handler2', { assignee: 'me' })).not.toContain(t.documentId);
      expect(await listIds('viewer', { assignee: String(users.handler.id) })).toContain(t.documentId);
      expect(await listIds('viewer', { assignee: 'none' })).not.toContain(t.documentId);
      // another handler may neither take it nor give it back
      const taken = await assign('handler2', t.documentId, 'me', claimed.body.data.version);
      expect(taken.status).toBe(403);
      expect(taken.body.error.details.right).toBe('tickets.assign.others');
      const back = await assign('handler', t.documentId, null, claimed.body.data.version);
      expect(back.status).toBe(200);
      expect(back.body.data.assignee).toBeNull();
      expect(await listIds('viewer', { assignee: 'none' })).toContain(t.documentId);
      const history = (await api().get(`/api/ticketing/tickets/${t.documentId}/history`).set(as('viewer'))).body.data;
      expect(history.filter((e: { action: string }) => e.action === 'assign').map((e: { diff: object }) => e.diff)).toEqual([
        { assignee: [users.handler.id, null] },
        { assignee: [null, users.handler.id] },
      ]);
    });

    it('a handler may not assign someone else, nor claim a ticket that is taken', async () => {
      const t = await newTicket();
      expect((await assign('handler', t.documentId, users.handler2.id, t.version)).status).toBe(403);
      const given = await assign('publisher', t.documentId, users.handler2.id, t.version);
      expect(given.status).toBe(200);
      expect((await assign('handler', t.documentId, 'me', given.body.data.version)).status).toBe(403);
    });

    it('publishers and admins assign to anyone who works tickets; others are refused with the reason', async () => {
      const t = await newTicket();
      const toPublisher = await assign('admin', t.documentId, users.publisher.id, t.version);
      expect(toPublisher.status).toBe(200);
      const toViewer = await assign('publisher', t.documentId, users.viewer.id, toPublisher.body.data.version);
      expect(toViewer.status).toBe(400);
      expect(toViewer.body.error.message).toMatch(/does not work tickets/);
      await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: users.handler2.id }, data: { blocked: true } });
      const blocked = await assign('publisher', t.documentId, users.handler2.id, toPublisher.body.data.version);
      await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: users.handler2.id }, data: { blocked: false } });
      expect(blocked.status).toBe(400);
      expect((await assign('publisher', t.documentId, 999999, toPublisher.body.data.version)).status).toBe(400);
    });

    it('lists who tickets can be assigned to for those who assign others', async () => {
      const res = await api().get('/api/ticketing/assignees').set(as('publisher'));
      expect(res.status).toBe(200);
      const ids = res.body.data.map((u: { id: number }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([users.handler.id, users.handler2.id, users.publisher.id, users.admin.id]));
      expect(ids).not.toContain(users.viewer.id);
      expect((await api().get('/api/ticketing/assignees').set(as('handler'))).status).toBe(403);
    });

    it('a stale version is a 409; assigning the current assignee changes nothing; bad input is a 400; a viewer has no right', async () => {
      const t = await newTicket();
      const first = await assign('publisher', t.documentId, users.handler.id, t.version);
      expect((await assign('publisher', t.documentId, users.handler2.id, t.version)).status).toBe(409);
      const same = await assign('publisher', t.documentId, users.handler.id, first.body.data.version);
      expect(same.status).toBe(200);
      expect(same.body.data.version).toBe(first.body.data.version);
      for (const assignee of ['someone', -1, 1.5, { id: 1 }, '99999999999']) {
        expect((await assign('publisher', t.documentId, assignee, first.body.data.version)).status).toBe(400);
      }
      expect((await api().get('/api/ticketing/tickets').query({ assignee: 'them' }).set(as('viewer'))).status).toBe(400);
      expect((await assign('viewer', t.documentId, 'me', first.body.data.version)).status).toBe(403);
    });
  });

  describe('work notes', () => {
    const addNote = (who: keyof typeof users, id: string, text: unknown) => api().post(`/api/ticketing/tickets/${id}/notes`).set(as(who)).send({ data: { text } });

    it('anyone who may update adds one; anyone who may read reads them, newest first, in the history too', async () => {
      const t = await newTicket();
      events.length = 0;
      const first = await addNote('handler', t.documentId, '到站检查，\r\n  RRU 掉电  ');
      expect(first.status).toBe(201);
      expect(first.body.data).toMatchObject({ text: '到站检查，\n  RRU 掉电', author: { name: expect.any(String) } });
      expect(first.body.data.createdAt).toMatch(/\+08:00$/);
      expect(events.map((e) => [e.name, e.payload.note?.text])).toEqual([['noted', '到站检查，\n  RRU 掉电']]);
      await addNote('publisher', t.documentId, '<b>更正</b>：是 AAU');
      const listed = await api().get(`/api/ticketing/tickets/${t.documentId}/notes`).set(as('viewer'));
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((n: { text: string }) => n.text)).toEqual(['<b>更正</b>：是 AAU', '到站检查，\n  RRU 掉电']);
      expect(listed.body.meta.pagination.total).toBe(2);
      const history = (await api().get(`/api/ticketing/tickets/${t.documentId}/history`).set(as('viewer'))).body.data;
      expect(history.filter((e: { action: string }) => e.action === 'note').map((e: { meta: { text: string } }) => e.meta.text)).toEqual([
        '<b>更正</b>：是 AAU',
        '到站检查，\n  RRU 掉电',
      ]);
      expect((await addNote('viewer', t.documentId, 'hi')).status).toBe(403);
    });

    it('refuses an empty or too long note and an unknown ticket; a note is never edited', async () => {
      const t = await newTicket();
      for (const text of ['', '   \n ', 42, null]) expect((await addNote('handler', t.documentId, text)).status).toBe(400);
      const long = await addNote('handler', t.documentId, '站'.repeat(4001));
      expect(long.status).toBe(400);
      expect(long.body.error.details).toEqual({ max: 4000, length: 4001 });
      expect((await addNote('handler', t.documentId, '站'.repeat(4000))).status).toBe(201);
      expect((await addNote('handler', 'nosuchticket', 'x')).status).toBe(404);
      expect((await api().get('/api/ticketing/tickets/nosuchticket/notes').set(as('viewer'))).status).toBe(404);
      // the audit trail is append-only in the database itself
      await expect(app.strapi.db.connection('ticketing_audit_logs').where({ entity_id: t.documentId, action: 'note' }).update({ meta: '{}' })).rejects.toThrow();
    });
  });

  it('updates and moves emit their events after the write', async () => {
    const t = await newTicket();
    events.length = 0;
    const updated = await api().put(`/api/ticketing/tickets/${t.documentId}`).set(as('handler')).send({ data: { form: bsFaultForm({ pci: 388 }), version: t.version } });
    const moved = await api().post(`/api/ticketing/tickets/${t.documentId}/transition`).set(as('publisher')).send({ data: { to: 'submitted', version: updated.body.data.version } });
    expect(moved.status).toBe(200);
    expect(events.map((e) => e.name)).toEqual(['updated', 'transitioned']);
    expect(events[0].payload.changed).toEqual(['pci']);
    expect(events[1].payload).toMatchObject({ from: 'draft', to: 'submitted', ticket: { status: 'submitted', version: t.version + 2 }, actor: { role: 'publisher' } });
  });
});
