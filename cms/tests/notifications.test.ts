import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userWithToken, waitFor } from './helpers/jobs';
import { startSmtpSink } from './helpers/smtp-sink';
import { bsFaultForm } from './helpers/tickets';
import { startWebhookReceiver } from './helpers/webhook-receiver';

/*
 * Notifications and webhooks end to end: ticket events on Strapi's event hub (as the
 * ticketing plugin emits them after a commit) → jobs on the `notify` and `webhook` queues run
 * by the app's own workers → mails on a real SMTP server and POSTs to a local receiver.
 */

const SMTP_LOGIN = { user: 'mailer', pass: 'mail-pass-123' };
const PORTAL = 'https://portal.ticketing.test';

type Who = 'viewer' | 'handlerA' | 'handlerB' | 'publisher1' | 'publisher2' | 'admin' | 'newcomer';
interface Person {
  id: number;
  jwt: string;
  email: string;
  name: string;
}

/** SLA targets of seconds, so the real sweep finds a breach while the test waits. */
function slaFile() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notify-sla-')), 'sla.yaml');
  fs.writeFileSync(file, 'warnAt: 0.5\ntypes:\n  bs-fault:\n    by: severity\n    targets:\n      critical: { response: 1s, resolution: 1h }\n');
  return file;
}

describe('notifications and webhooks', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const people = {} as Record<Who, Person>;
  const saved: Record<string, string | undefined> = {};
  const api = () => request(app.strapi.server.httpServer);
  const as = (who: Who) => ({ Authorization: `Bearer ${people[who].jwt}` });
  const deliveries = () => app.strapi.plugin('notifications').service('deliveries');

  let ticketSeq = 0;
  /** A ticket as events describe it (no row needed: the plugin reads nothing of ticketing). */
  const ticket = (over: Record<string, unknown> = {}) => {
    ticketSeq += 1;
    return { documentId: `t${ticketSeq}x${Date.now().toString(36)}`, type: 'bs-fault', status: 'in_progress', version: 2, creatorId: people.publisher1.id, assigneeId: people.handlerA.id, title: `浦东张江基站-${ticketSeq}号`, ...over };
  };
  const actor = (who: Who | null) =>
    who === null
      ? { kind: 'system', id: null, name: null, role: null, userId: null }
      : { kind: 'user', id: String(people[who].id), name: people[who].name, role: who.replace(/[AB12]$/, ''), userId: people[who].id };
  const at = () => '2026-12-07T18:00:00.000+08:00';
  const emit = (name: string, payload: Record<string, unknown>) => app.strapi.eventHub.emit(`ticketing.ticket.${name}`, { at: at(), ...payload });

  /** Every delivery of the events emitted so far has finished (sent, skipped or failed). */
  const settled = () =>
    waitFor('notification deliveries to finish', async () => {
      const open = await app.strapi.db.connection('notifications_deliveries').where({ state: 'pending' }).count({ n: '*' });
      return Number(open[0].n) === 0;
    });
  const inbox = async (who: Who, query = '') => (await api().get(`/api/notifications${query}`).set(as(who))).body;
  const mailsTo = (who: Who) => smtp.to(people[who].email);

  beforeAll(async () => {
    smtp = await startSmtpSink(SMTP_LOGIN);
    hooks = await startWebhookReceiver();
    const env = {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: SMTP_LOGIN.user,
      SMTP_PASS: SMTP_LOGIN.pass,
      SMTP_SECURE: 'false',
      SMTP_FROM: '5G 工单 <noreply@ticketing.test>',
      PORTAL_URL: PORTAL,
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '200',
      WEBHOOK_ATTEMPTS: '3',
      WEBHOOK_BACKOFF_MS: '200',
      WEBHOOK_TIMEOUT_MS: '3000',
      // the ticketing plugin's SLA sweep, with a critical fault's response due within a second
      SLA_CONFIG: slaFile(),
      SLA_CHECK_INTERVAL_MS: '200',
    };
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    app = await startTestApp();
    const roles: Record<Who, string> = {
      viewer: 'viewer',
      handlerA: 'handler',
      handlerB: 'handler',
      publisher1: 'publisher',
      publisher2: 'publisher',
      admin: 'admin',
      // a new user: the Authenticated role, no tickets.read
      newcomer: 'authenticated',
    };
    for (const [who, role] of Object.entries(roles) as [Who, string][]) {
      const user = await userWithToken(app.strapi, role);
      const row = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id } });
      people[who] = { ...user, email: row.email, name: row.username };
    }
    // handler A reads English; everyone else keeps the default, Chinese
    expect((await api().put('/api/notifications/preferences').set(as('handlerA')).send({ data: { language: 'en' } })).status).toBe(200);
  });

  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
    await hooks?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  describe('e-mail and in-app', () => {
    it('tells the new assignee by e-mail in their language and in the app, with the ticket link', async () => {
      const t = ticket({ assigneeId: people.handlerA.id });
      await emit('assigned', { ticket: t, actor: actor('publisher1'), from: null, to: people.handlerA.id });
      const [mail] = await waitFor('the assignment mail', async () => (mailsTo('handlerA').length ? mailsTo('handlerA') : null));
      expect(mail.recipients).toEqual([people.handlerA.email]);
      expect(mail.from).toBe('noreply@ticketing.test');
      expect(mail.mail.subject).toBe(`[5G Ticketing] Assigned to you: ${t.title}`);
      expect(mail.mail.text).toContain(`${people.publisher1.name} assigned the ticket "${t.title}" to you.`);
      expect(mail.mail.text).toContain(`${PORTAL}/tickets/${t.documentId}`);
      expect(mail.mail.html).toContain(`<a href="${PORTAL}/tickets/${t.documentId}">`);
      expect(mail.mail.headers.get('content-language')).toBe('en');

      await settled();
      const { data, meta } = await inbox('handlerA');
      expect(meta.unread).toBe(1);
      expect(data[0]).toMatchObject({ kind: 'assigned', read: false, readAt: null, ticket: { id: t.documentId, title: t.title, type: 'bs-fault' }, params: { actor: people.publisher1.name } });
      expect(data[0].createdAt).toMatch(/\+08:00$/);
    });

    it('writes to a Chinese reader in Chinese', async () => {
      const t = ticket({ assigneeId: people.handlerB.id });
      await emit('assigned', { ticket: t, actor: actor('publisher1'), from: people.handlerA.id, to: people.handlerB.id });
      const [mail] = await waitFor('the mail to handler B', async () => (mailsTo('handlerB').length ? mailsTo('handlerB') : null));
      expect(mail.mail.subject).toBe(`[5G工单] 工单已分配给您：${t.title}`);
      expect(mail.mail.text).toContain(`${people.publisher1.name} 将工单「${t.title}」分配给了您。`);
      expect(mail.mail.text).toContain('查看工单：');
      expect(mail.mail.headers.get('content-language')).toBe('zh-CN');
    });

    it('tells nobody when a handler claims a ticket for themself', async () => {
      const t = ticket({ assigneeId: people.handlerB.id });
      const before = smtp.received.length;
      await emit('assigned', { ticket: t, actor: actor('handlerB'), from: null, to: people.handlerB.id });
      expect(await deliveries().ofEvent(eventIdOf('assigned', t, { from: null, to: people.handlerB.id }))).toEqual([]);
      await settled();
      expect(smtp.received.length).toBe(before);
    });

    it('tells the assignee and the creator of a note, not its author; in the app only by default', async () => {
      const t = ticket({ creatorId: people.publisher2.id, assigneeId: people.handlerB.id });
      const mailsBefore = smtp.received.length;
      const before = { p2: (await inbox('publisher2')).meta.unread, b: (await inbox('handlerB')).meta.unread };
      await emit('noted', { ticket: t, actor: actor('handlerB'), note: { id: 41, text: '已到站，\n正在更换光模块' } });
      await settled();
      const p2 = await inbox('publisher2');
      expect(p2.meta.unread).toBe(before.p2 + 1);
      expect(p2.data[0]).toMatchObject({ kind: 'noted', ticket: { id: t.documentId }, params: { actor: people.handlerB.name, note: '已到站，\n正在更换光模块' } });
      expect((await inbox('handlerB')).meta.unread).toBe(before.b);
      expect(smtp.received.length).toBe(mailsBefore);
    });

    it('tells the assignee and every publisher of an SLA breach by mail, each in their language; a warning only in the app', async () => {
      const t = ticket({ assigneeId: people.handlerA.id, creatorId: null });
      const sla = { clock: 'resolution', dueAt: '2026-12-07T16:00:00.000+08:00' };
      await emit('sla', { ticket: t, actor: actor(null), ...sla, state: 'warning' });
      await settled();
      const warningMails = smtp.received.filter((m) => m.mail.text?.includes(t.title));
      expect(warningMails).toEqual([]);
      expect((await inbox('publisher2')).data[0]).toMatchObject({ kind: 'sla_warning', ticket: { id: t.documentId }, params: sla });

      await emit('sla', { ticket: t, actor: actor(null), ...sla, state: 'breached' });
      const mails = await waitFor('three breach mails', async () => {
        const found = smtp.received.filter((m) => m.mail.subject?.includes(t.title));
        return found.length >= 3 ? found : null;
      });
      const byRecipient = Object.fromEntries(mails.map((m) => [m.recipients[0], m.mail]));
      expect(Object.keys(byRecipient).sort()).toEqual([people.handlerA.email, people.publisher1.email, people.publisher2.email].sort());
      expect(byRecipient[people.handlerA.email].subject).toBe(`[5G Ticketing] SLA breached: ${t.title}`);
      expect(byRecipient[people.handlerA.email].text).toContain('The resolution target of the ticket');
      expect(byRecipient[people.publisher1.email].subject).toBe(`[5G工单] SLA 已超时：${t.title}`);
      expect(byRecipient[people.publisher1.email].text).toContain(`工单「${t.title}」的解决时限已于 2026-12-07 16:00 +08:00 超时。`);
      await settled();
      expect(mails.every((m) => m.recipients.length === 1)).toBe(true);
    });

    it("tells creator and assignee that their ticket moved, except who moved it; a user without tickets.read gets nothing", async () => {
      const t = ticket({ creatorId: people.newcomer.id, assigneeId: people.handlerB.id, status: 'resolved' });
      const before = (await inbox('handlerB')).meta.unread;
      await emit('transitioned', { ticket: t, actor: actor('publisher1'), from: 'in_progress', to: 'resolved' });
      await settled();
      const b = await inbox('handlerB');
      expect(b.meta.unread).toBe(before + 1);
      expect(b.data[0]).toMatchObject({ kind: 'transitioned', params: { from: 'in_progress', to: 'resolved', actor: people.publisher1.name } });
      const rows = await deliveries().ofEvent(eventIdOf('transitioned', t, { from: 'in_progress', to: 'resolved' }));
      expect(rows.map((r: { user_id: string | number }) => Number(r.user_id))).toEqual([people.handlerB.id]);

      // the mover is not told of their own move
      const own = ticket({ creatorId: people.handlerB.id, assigneeId: people.handlerB.id });
      await emit('transitioned', { ticket: own, actor: actor('handlerB'), from: 'submitted', to: 'in_progress' });
      expect(await deliveries().ofEvent(eventIdOf('transitioned', own, { from: 'submitted', to: 'in_progress' }))).toEqual([]);
    });

    it('sends one mail and one notification for the same event emitted twice', async () => {
      const t = ticket({ assigneeId: people.handlerB.id });
      const payload = { ticket: t, actor: actor('admin'), from: null, to: people.handlerB.id };
      const unread = (await inbox('handlerB')).meta.unread;
      await emit('assigned', payload);
      await emit('assigned', payload);
      await waitFor('the mail', async () => smtp.received.some((m) => m.mail.subject?.includes(t.title)));
      await settled();
      await emit('assigned', payload);
      await settled();
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.received.filter((m) => m.mail.subject?.includes(t.title))).toHaveLength(1);
      expect((await inbox('handlerB')).meta.unread).toBe(unread + 1);
    });

    it('retries a mail the SMTP server refuses for now, and delivers it once', async () => {
      const t = ticket({ assigneeId: people.handlerA.id });
      smtp.refuse(1);
      await emit('assigned', { ticket: t, actor: actor('publisher2'), from: null, to: people.handlerA.id });
      const mails = await waitFor('the retried mail', async () => {
        const found = smtp.received.filter((m) => m.mail.subject?.includes(t.title));
        return found.length ? found : null;
      });
      await settled();
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.refusedCount()).toBe(1);
      expect(smtp.received.filter((m) => m.mail.subject?.includes(t.title))).toHaveLength(mails.length);
      expect(mails).toHaveLength(1);
      const [email] = (await deliveries().ofEvent(eventIdOf('assigned', t, { from: null, to: people.handlerA.id }))).filter((r: { channel: string }) => r.channel === 'email');
      expect(email).toMatchObject({ state: 'sent', attempts: 2 });
      expect(email.last_error).toBeNull();
    });
  });

  describe('the inbox', () => {
    it('lists own notifications newest first, paged, filtered by unread; marks one and all read', async () => {
      const before = await inbox('publisher2');
      for (const n of [1, 2, 3]) {
        await emit('transitioned', { ticket: ticket({ creatorId: people.publisher2.id, assigneeId: null, title: `收件箱${n}` }), actor: actor('admin'), from: 'submitted', to: 'in_progress' });
      }
      await settled();
      const all = await inbox('publisher2', '?pageSize=2');
      expect(all.meta.unread).toBe(before.meta.unread + 3);
      expect(all.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: before.meta.pagination.total + 3 });
      expect(all.data.map((n: { ticket: { title: string } }) => n.ticket.title)).toEqual(['收件箱3', '收件箱2']);

      const read = await api().post(`/api/notifications/${all.data[0].id}/read`).set(as('publisher2'));
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ id: all.data[0].id, read: true });
      expect(read.body.data.readAt).toMatch(/\+08:00$/);
      expect(read.body.meta.unread).toBe(all.meta.unread - 1);
      // again is fine, and changes nothing
      expect((await api().post(`/api/notifications/${all.data[0].id}/read`).set(as('publisher2'))).body.meta.unread).toBe(all.meta.unread - 1);

      const unread = await inbox('publisher2', '?unread=true&pageSize=100');
      expect(unread.data.every((n: { read: boolean }) => !n.read)).toBe(true);
      expect(unread.data.map((n: { id: string }) => n.id)).not.toContain(all.data[0].id);
      expect((await inbox('publisher2', '?unread=false')).data.map((n: { id: string }) => n.id)).toContain(all.data[0].id);

      const allRead = await api().post('/api/notifications/read-all').set(as('publisher2'));
      expect(allRead.body).toEqual({ data: { marked: all.meta.unread - 1 }, meta: { unread: 0 } });
      expect((await inbox('publisher2', '?unread=true')).data).toEqual([]);
    });

    it("answers 404 for another user's notification and leaves it unread", async () => {
      await emit('transitioned', { ticket: ticket({ creatorId: people.publisher1.id, assigneeId: null, title: '别人的' }), actor: actor('admin'), from: 'submitted', to: 'in_progress' });
      await settled();
      const theirs = (await inbox('publisher1')).data[0];
      expect(theirs).toMatchObject({ ticket: { title: '别人的' }, read: false });
      const res = await api().post(`/api/notifications/${theirs.id}/read`).set(as('publisher2'));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`Notification ${theirs.id} not found`);
      expect((await inbox('publisher1')).data[0].read).toBe(false);
      expect((await api().post('/api/notifications/no-such-id/read').set(as('publisher1'))).status).toBe(404);
    });

    it.each([
      ['?unread=yes', /unread must be true or false/],
      ['?pageSize=1000', /pageSize must be an integer from 1 to 100/],
    ])('answers a bad query %s with a 400 naming it', async (query, message) => {
      const res = await api().get(`/api/notifications${query}`).set(as('viewer'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });
  });

  describe('preferences', () => {
    it('start with the defaults, and say whether e-mail is available', async () => {
      const res = await api().get('/api/notifications/preferences').set(as('viewer'));
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual({ emailAvailable: true });
      expect(res.body.data).toEqual({
        language: 'zh-CN',
        events: {
          assigned: { inApp: true, email: true },
          noted: { inApp: true, email: false },
          sla_warning: { inApp: true, email: false },
          sla_breached: { inApp: true, email: true },
          transitioned: { inApp: true, email: false },
        },
      });
    });

    it('switch a channel off: no mail for an assignment, then no in-app notification either', async () => {
      const put = await api().put('/api/notifications/preferences').set(as('handlerB')).send({ data: { events: { assigned: { email: false } } } });
      expect(put.status).toBe(200);
      expect(put.body.data.events.assigned).toEqual({ inApp: true, email: false });
      expect(put.body.data.events.sla_breached).toEqual({ inApp: true, email: true });
      expect((await api().get('/api/notifications/preferences').set(as('handlerB'))).body.data.events.assigned).toEqual({ inApp: true, email: false });

      const quiet = ticket({ assigneeId: people.handlerB.id });
      const unread = (await inbox('handlerB')).meta.unread;
      await emit('assigned', { ticket: quiet, actor: actor('admin'), from: null, to: people.handlerB.id });
      await settled();
      expect((await inbox('handlerB')).meta.unread).toBe(unread + 1);
      expect(smtp.received.filter((m) => m.mail.subject?.includes(quiet.title))).toEqual([]);

      await api().put('/api/notifications/preferences').set(as('handlerB')).send({ data: { events: { assigned: { inApp: false } } } });
      const silent = ticket({ assigneeId: people.handlerB.id });
      await emit('assigned', { ticket: silent, actor: actor('admin'), from: null, to: people.handlerB.id });
      expect(await deliveries().ofEvent(eventIdOf('assigned', silent, { from: null, to: people.handlerB.id }))).toEqual([]);
      expect((await inbox('handlerB')).meta.unread).toBe(unread + 1);
    });

    it.each([
      [{ data: { language: 'fr' } }, /data\.language must be one of zh-CN, en/],
      [{ data: { events: { party: { email: true } } } }, /data\.events\.party is not a notification kind/],
      [{ data: { events: { noted: { email: 'on' } } } }, /data\.events\.noted\.email must be true or false/],
      [{ language: 'en' }, /Body must be \{ "data"/],
    ])('refuse %j with a 400 and keep what was stored', async (body, message) => {
      const res = await api().put('/api/notifications/preferences').set(as('handlerA')).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect((await api().get('/api/notifications/preferences').set(as('handlerA'))).body.data.language).toBe('en');
    });
  });

  describe('webhooks', () => {
    const createHook = async (data: Record<string, unknown>) => {
      const res = await api().post('/api/notifications/webhooks').set(as('admin')).send({ data });
      expect(res.status).toBe(201);
      return res.body.data as { id: string; secret: string };
    };
    const log = async (id: string) => (await api().get(`/api/notifications/webhooks/${id}/deliveries`).set(as('admin'))).body.data;

    it('POSTs a signed event the receiver can verify over the raw body', async () => {
      const hook = await createHook({ name: 'NMS', url: hooks.url('/nms'), events: ['ticket.created', 'ticket.transitioned'], secret: 'nms-shared-secret-0001' });
      expect(hook.secret).toBe('nms-shared-secret-0001');
      const read = await api().get(`/api/notifications/webhooks/${hook.id}`).set(as('admin'));
      expect(read.body.data).toMatchObject({ id: hook.id, name: 'NMS', url: hooks.url('/nms'), active: true, events: ['ticket.created', 'ticket.transitioned'] });
      expect(read.body.data.secret).toBeUndefined();

      const t = ticket({ status: 'draft', version: 1, assigneeId: null });
      await emit('created', { ticket: t, actor: actor('publisher1') });
      const [got] = await waitFor('the webhook POST', async () => (hooks.at('/nms').length ? hooks.at('/nms') : null));
      const expected = `sha256=${createHmac('sha256', 'nms-shared-secret-0001').update(got.raw).digest('hex')}`;
      expect(got.headers['x-signature']).toBe(expected);
      expect(got.headers['x-event']).toBe('ticket.created');
      expect(got.headers['content-type']).toMatch(/^application\/json/);
      expect(got.json).toMatchObject({ event: 'ticket.created', at: at(), ticket: t, actor: { kind: 'user', userId: people.publisher1.id } });
      expect(got.headers['x-event-id']).toBe(got.json.id);

      const [entry] = await waitFor('the delivery log', async () => {
        const entries = await log(hook.id);
        return entries[0]?.status === 'delivered' ? entries : null;
      });
      expect(entry).toMatchObject({ eventId: got.json.id, event: 'ticket.created', status: 'delivered', attempts: 1, responseCode: 200, lastError: null });
      expect(entry.durationMs).toEqual(expect.any(Number));
      expect(entry.deliveredAt).toMatch(/\+08:00$/);
    });

    it('retries after a 500 and delivers once; the same event again is not sent again', async () => {
      const hook = await createHook({ url: hooks.url('/flaky'), events: ['ticket.assigned'] });
      expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
      hooks.script('/flaky', 500, 200);
      const t = ticket({ assigneeId: people.handlerA.id });
      const payload = { ticket: t, actor: actor('publisher1'), from: null, to: people.handlerA.id };
      await emit('assigned', payload);
      const [entry] = await waitFor('the retried delivery', async () => {
        const entries = await log(hook.id);
        return entries[0]?.status === 'delivered' ? entries : null;
      });
      expect(entry).toMatchObject({ status: 'delivered', attempts: 2, responseCode: 200 });
      const got = hooks.at('/flaky');
      expect(got).toHaveLength(2);
      // the retry is the same event, the same bytes, the same signature
      expect(got[1].raw.equals(got[0].raw)).toBe(true);
      expect(got[1].headers['x-signature']).toBe(got[0].headers['x-signature']);
      expect(got[1].headers['x-signature']).toBe(`sha256=${createHmac('sha256', hook.secret).update(got[1].raw).digest('hex')}`);

      await emit('assigned', payload);
      await new Promise((r) => setTimeout(r, 1000));
      expect(hooks.at('/flaky')).toHaveLength(2);
      expect(await log(hook.id)).toHaveLength(1);
    });

    it('does not retry a 4xx, and gives up after WEBHOOK_ATTEMPTS on 5xx', async () => {
      const refusing = await createHook({ url: hooks.url('/gone'), events: ['ticket.updated'] });
      const broken = await createHook({ url: hooks.url('/down'), events: ['ticket.updated'] });
      hooks.script('/gone', 410);
      hooks.script('/down', 503);
      await emit('updated', { ticket: ticket(), actor: actor('handlerA'), changed: ['pci'] });
      const final = async (id: string) =>
        waitFor(`webhook ${id} to fail`, async () => {
          const entries = await log(id);
          return entries[0]?.status === 'failed' ? entries[0] : null;
        });
      expect(await final(refusing.id)).toMatchObject({ attempts: 1, responseCode: 410, lastError: 'HTTP 410: refused with 410' });
      expect(await final(broken.id)).toMatchObject({ attempts: 3, responseCode: 503 });
      expect(hooks.at('/gone')).toHaveLength(1);
      expect(hooks.at('/down')).toHaveLength(3);
    });

    it('sends only the events a webhook subscribed to, and nothing to an inactive one; an SLA breach goes out, a warning not', async () => {
      const sla = await createHook({ url: hooks.url('/bot'), events: ['ticket.sla_breached'] });
      const off = await createHook({ url: hooks.url('/off'), events: ['ticket.sla_breached'], active: false });
      const t = ticket();
      await emit('transitioned', { ticket: t, actor: actor('handlerA'), from: 'submitted', to: 'in_progress' });
      await emit('sla', { ticket: t, actor: actor(null), clock: 'response', state: 'warning', dueAt: '2026-12-07T17:00:00.000+08:00' });
      await emit('sla', { ticket: t, actor: actor(null), clock: 'response', state: 'breached', dueAt: '2026-12-07T17:00:00.000+08:00' });
      const [got] = await waitFor('the breach POST', async () => (hooks.at('/bot').length ? hooks.at('/bot') : null));
      expect(got.json).toMatchObject({ event: 'ticket.sla_breached', clock: 'response', state: 'breached', ticket: { documentId: t.documentId } });
      await settled();
      await new Promise((r) => setTimeout(r, 500));
      expect(hooks.at('/bot')).toHaveLength(1);
      expect(hooks.at('/off')).toHaveLength(0);
      expect(await log(off.id)).toEqual([]);
      expect(await log(sla.id)).toHaveLength(1);
    });

    it.each([
      [{ url: 'ftp://127.0.0.1/x', events: ['ticket.created'] }, /data\.url must be http or https, not ftp/],
      [{ url: 'not a url', events: ['ticket.created'] }, /data\.url "not a url" is not a URL/],
      [{ url: 'http://127.0.0.1/x', events: [] }, /data\.events must be a non-empty list of ticket\.created/],
      [{ url: 'http://127.0.0.1/x', events: ['ticket.noted'] }, /data\.events must be a non-empty list/],
      [{ url: 'http://127.0.0.1/x', events: ['ticket.created'], secret: 'short' }, /data\.secret must be 16 to 200 characters/],
      [{ url: 'http://127.0.0.1/x', events: ['ticket.created'], colour: 'red' }, /data\.colour is not a webhook field/],
    ])('refuses %j with a 400 naming the field', async (data, message) => {
      const res = await api().post('/api/notifications/webhooks').set(as('admin')).send({ data });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('updates, lists and deletes a subscription with its log; an unknown one is 404', async () => {
      const hook = await createHook({ url: hooks.url('/edit'), events: ['ticket.created'] });
      const put = await api().put(`/api/notifications/webhooks/${hook.id}`).set(as('admin')).send({ data: { active: false, events: ['ticket.updated'] } });
      expect(put.status).toBe(200);
      expect(put.body.data).toMatchObject({ active: false, events: ['ticket.updated'], url: hooks.url('/edit') });
      const list = await api().get('/api/notifications/webhooks?pageSize=100').set(as('admin'));
      expect(list.body.data.map((h: { id: string }) => h.id)).toContain(hook.id);
      expect(list.body.data.every((h: Record<string, unknown>) => !('secret' in h))).toBe(true);
      expect((await api().delete(`/api/notifications/webhooks/${hook.id}`).set(as('admin'))).status).toBe(200);
      for (const path of [`/${hook.id}`, `/${hook.id}/deliveries`]) {
        expect((await api().get(`/api/notifications/webhooks${path}`).set(as('admin'))).status).toBe(404);
      }
      expect((await api().put(`/api/notifications/webhooks/${hook.id}`).set(as('admin')).send({ data: { active: true } })).status).toBe(404);
    });
  });

  describe('through the ticketing plugin', () => {
    it('assigning a ticket with the API mails the assignee and notifies them in the app', async () => {
      const created = await api().post('/api/ticketing/tickets').set(as('publisher1')).send({ data: { type: 'bs-fault', form: bsFaultForm({ site_name: '经由接口的基站' }) } });
      expect(created.status).toBe(201);
      const { documentId, version } = created.body.data;
      const assigned = await api().post(`/api/ticketing/tickets/${documentId}/assign`).set(as('publisher1')).send({ data: { assignee: people.handlerA.id, version } });
      expect(assigned.status).toBe(200);
      const [mail] = await waitFor('the assignment mail', async () => {
        const found = smtp.received.filter((m) => m.mail.subject?.includes('经由接口的基站'));
        return found.length ? found : null;
      });
      expect(mail.recipients).toEqual([people.handlerA.email]);
      expect(mail.mail.subject).toBe('[5G Ticketing] Assigned to you: 经由接口的基站');
      await settled();
      expect((await inbox('handlerA')).data[0]).toMatchObject({ kind: 'assigned', ticket: { id: documentId, title: '经由接口的基站' } });
    });
  });

  describe('SLA through the ticketing plugin', () => {
    it("mails the assignee and every publisher when the sweep finds a critical fault's response breached", async () => {
      const created = await api().post('/api/ticketing/tickets').set(as('publisher1')).send({ data: { type: 'bs-fault', form: bsFaultForm({ site_name: '超时基站', severity: '紧急' }) } });
      expect(created.status).toBe(201);
      const { documentId } = created.body.data;
      const assigned = await api().post(`/api/ticketing/tickets/${documentId}/assign`).set(as('publisher1')).send({ data: { assignee: people.handlerA.id, version: created.body.data.version } });
      expect(assigned.status).toBe(200);
      const submitted = await api().post(`/api/ticketing/tickets/${documentId}/transition`).set(as('publisher1')).send({ data: { to: 'submitted', version: assigned.body.data.version } });
      expect(submitted.status).toBe(200);
      const mails = await waitFor('three breach mails', async () => {
        const found = smtp.received.filter((m) => /SLA breached: 超时基站|SLA 已超时：超时基站/.test(m.mail.subject ?? ''));
        return found.length >= 3 ? found : null;
      });
      expect(mails.map((m) => m.recipients[0]).sort()).toEqual([people.handlerA.email, people.publisher1.email, people.publisher2.email].sort());
      expect(mails.find((m) => m.recipients[0] === people.handlerA.email)?.mail.text).toContain('The response target of the ticket "超时基站"');
      await settled();
      expect((await inbox('publisher2')).data.map((n: { kind: string; ticket: { id: string } }) => `${n.kind} ${n.ticket.id}`)).toEqual(
        expect.arrayContaining([`sla_warning ${documentId}`, `sla_breached ${documentId}`]),
      );
    });
  });

  describe('rights', () => {
    const ROUTES: [string, string, 'notifications.read' | 'webhooks.manage'][] = [
      ['get', '/api/notifications', 'notifications.read'],
      ['post', '/api/notifications/read-all', 'notifications.read'],
      ['post', '/api/notifications/someid/read', 'notifications.read'],
      ['get', '/api/notifications/preferences', 'notifications.read'],
      ['put', '/api/notifications/preferences', 'notifications.read'],
      ['get', '/api/notifications/webhooks', 'webhooks.manage'],
      ['post', '/api/notifications/webhooks', 'webhooks.manage'],
      ['get', '/api/notifications/webhooks/someid', 'webhooks.manage'],
      ['put', '/api/notifications/webhooks/someid', 'webhooks.manage'],
      ['delete', '/api/notifications/webhooks/someid', 'webhooks.manage'],
      ['get', '/api/notifications/webhooks/someid/deliveries', 'webhooks.manage'],
    ];
    type Method = 'get' | 'post' | 'put' | 'delete';

    it('answers 401 without credentials on every route', async () => {
      for (const [method, url] of ROUTES) expect([method, url, (await api()[method as Method](url)).status]).toEqual([method, url, 401]);
    });

    it('lets every role read its notifications and only admins manage webhooks', async () => {
      const roles: Who[] = ['viewer', 'handlerA', 'publisher1', 'admin'];
      const denied: string[] = [];
      const allowed: string[] = [];
      for (const who of roles) {
        for (const [method, url, right] of ROUTES) {
          const req = api()[method as Method](url).set(as(who));
          const res = method === 'put' || method === 'post' ? await req.send({ data: {} }) : await req;
          const label = `${who} ${method.toUpperCase()} ${url}`;
          if (res.status === 403) {
            expect(res.body.error.message).toBe(`Missing right ${right}`);
            denied.push(label);
          } else {
            // past the policy: a 2xx, or the handler's own 4xx (no such id, empty data)
            expect([label, [200, 201, 400, 404].includes(res.status)]).toEqual([label, true]);
            allowed.push(label);
          }
        }
      }
      const webhookRoutes = ROUTES.filter(([, , right]) => right === 'webhooks.manage').length;
      expect(denied.sort()).toEqual(
        (['viewer', 'handlerA', 'publisher1'] as Who[]).flatMap((who) => ROUTES.filter(([, , r]) => r === 'webhooks.manage').map(([m, u]) => `${who} ${m.toUpperCase()} ${u}`)).sort(),
      );
      expect(allowed).toHaveLength(roles.length * ROUTES.length - 3 * webhookRoutes);
    });

    it('gives an API token no inbox (it has no user), while a full-access token manages webhooks', async () => {
      const { accessKey } = await app.strapi.service('admin::api-token').create({ name: 'nms-token', description: 'test', type: 'full-access', lifespan: null });
      const token = { Authorization: `Bearer ${accessKey}` };
      const inboxRes = await api().get('/api/notifications').set(token);
      expect(inboxRes.status).toBe(403);
      expect(inboxRes.body.error.message).toMatch(/Notifications belong to users/);
      expect((await api().get('/api/notifications/webhooks').set(token)).status).toBe(200);
    });

    it('refuses the Authenticated role (no rights) everywhere', async () => {
      for (const [method, url] of ROUTES) expect((await api()[method as Method](url).set(as('newcomer'))).status).toBe(403);
    });
  });

  /** The id the plugin gives an event (derived, as the payloads here carry none). */
  function eventIdOf(kind: string, t: ReturnType<typeof ticket>, extra: Record<string, unknown> = {}) {
    return app.strapi.plugin('notifications').service('fan-out').idOf(kind, { ticket: t, ...extra }) as string;
  }
});
