import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userWithToken } from './helpers/jobs';
import { bsFaultForm } from './helpers/tickets';
import { auth } from './helpers/excel-imports';

const rulesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'assign-')), 'assignment.yaml');
process.env.ASSIGNMENT_CONFIG = rulesFile;

/** Automatic assignment on submit: round robin within the group a field's value picks. */
describe('automatic assignment', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: { id: number; jwt: string };
  const names: Record<string, { id: number; username: string }> = {};
  const api = () => request(app.strapi.server.httpServer);

  const submitted = async (band: string) => {
    const created = (await api().post('/api/ticketing/tickets').set(auth(publisher.jwt)).send({ data: { type: 'bs-fault', form: bsFaultForm({ band }) } })).body.data;
    const res = await api().post(`/api/ticketing/tickets/${created.documentId}/transition`).set(auth(publisher.jwt)).send({ data: { to: 'submitted', version: created.version } });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    // the rules name users, so the users come first: a first boot makes them, the rules are written, a restart reads them
    fs.writeFileSync(rulesFile, 'types: {}\n');
    app = await startTestApp();
    publisher = await userWithToken(app.strapi, 'publisher');
    const users = app.strapi.db.query('plugin::users-permissions.user');
    for (const role of ['handler', 'handler', 'handler', 'viewer']) {
      const { id } = await userWithToken(app.strapi, role);
      const { username } = await users.findOne({ where: { id } });
      names[`${role}${Object.keys(names).length}`] = { id, username };
    }
    const [a, b, c, viewer] = Object.values(names);
    fs.writeFileSync(rulesFile, `types:\n  bs-fault:\n    by: band\n    groups:\n      n78: [${a.username}, ${viewer.username}, ${b.username}]\n      default: [${c.username}]\n`);
    await app.restart();
    publisher = await userWithToken(app.strapi, 'publisher');
  });
  afterAll(async () => app?.stop());

  it('deals n78 tickets in turn, passing over a member who may not work tickets; others go to the default group', async () => {
    const [a, b, c] = Object.values(names);
    const dealt = [];
    for (let i = 0; i < 4; i++) dealt.push((await submitted('n78')).assignee?.id);
    expect(dealt).toEqual([a.id, b.id, a.id, b.id]);
    expect((await submitted('n41')).assignee?.id).toBe(c.id);
  });

  it('records the rule in the history and leaves an assigned ticket to its assignee', async () => {
    const ticket = await submitted('n78');
    const history = (await api().get(`/api/ticketing/tickets/${ticket.documentId}/history`).set(auth(publisher.jwt))).body.data;
    expect(history.find((e: { action: string }) => e.action === 'assign').meta).toMatchObject({ rule: 'bs-fault:n78', from: null });
    const created = (await api().post('/api/ticketing/tickets').set(auth(publisher.jwt)).send({ data: { type: 'bs-fault', form: bsFaultForm({ band: 'n78' }) } })).body.data;
    const [, , c] = Object.values(names);
    const held = await api().post(`/api/ticketing/tickets/${created.documentId}/assign`).set(auth(publisher.jwt)).send({ data: { assignee: c.id, version: created.version } });
    const moved = await api().post(`/api/ticketing/tickets/${created.documentId}/transition`).set(auth(publisher.jwt)).send({ data: { to: 'submitted', version: held.body.data.version } });
    expect(moved.body.data.assignee.id).toBe(c.id);
  });
});
