import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';

describe('users API for admins', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  let handler: string;
  const api = () => request(app.strapi.server.httpServer);
  const roleId = async (type: string) => (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })).id;
  const audits = (where: Record<string, string>) => app.strapi.db.connection('ticketing_audit_logs').where(where).orderBy('id');

  beforeAll(async () => {
    app = await startTestApp();
    admin = await userToken(app.strapi, 'admin');
    handler = await userToken(app.strapi, 'handler');
  });
  afterAll(async () => app?.stop());

  it('lets an admin list, create, assign a role to and block a user, each audited', async () => {
    const list = await api().get('/api/users').set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBe(2);

    const created = await api()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'wang', email: 'wang@example.test', password: 'Passw0rd!long', role: await roleId('viewer'), confirmed: true });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const login = await api().post('/api/auth/local').send({ identifier: 'wang', password: 'Passw0rd!long' });
    expect(login.status).toBe(200);
    const wang = login.body.jwt;
    expect((await api().get('/api/ticketing/tickets').set('Authorization', `Bearer ${wang}`)).status).toBe(200);

    const promoted = await api().put(`/api/users/${id}`).set('Authorization', `Bearer ${admin}`).send({ role: await roleId('publisher') });
    expect(promoted.status).toBe(200);
    const [permission] = await audits({ entity_kind: 'user', entity_id: String(id), action: 'permission change' });
    expect(JSON.parse(permission.diff)).toEqual({ role: ['viewer', 'publisher'] });
    expect(permission.actor_kind).toBe('user');
    expect(permission.request_id).toMatch(/^[0-9a-f-]{36}$/);

    const blocked = await api().put(`/api/users/${id}`).set('Authorization', `Bearer ${admin}`).send({ blocked: true });
    expect(blocked.status).toBe(200);
    const [update] = await audits({ entity_kind: 'user', entity_id: String(id), action: 'user update' });
    expect(JSON.parse(update.diff)).toEqual({ blocked: [false, true] });
    // the still-valid access token stops working at once, not at its expiry
    const after = await api().get('/api/ticketing/tickets').set('Authorization', `Bearer ${wang}`);
    expect([401, 403]).toContain(after.status);
    expect((await api().post('/api/auth/local').send({ identifier: 'wang', password: 'Passw0rd!long' })).status).toBe(400);

    const actions = (await audits({ entity_kind: 'user', entity_id: String(id) })).map((a: { action: string }) => a.action);
    expect(actions).toEqual(['user create', 'login', 'permission change', 'user update']);
  });

  it('refuses role escalation by a non-admin and changes nothing', async () => {
    const me = await api().get('/api/users/me').set('Authorization', `Bearer ${handler}`);
    const before = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: me.body.id }, populate: ['role'] });
    const res = await api().put(`/api/users/${me.body.id}`).set('Authorization', `Bearer ${handler}`).send({ role: await roleId('admin') });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Missing right users.manage');
    const after = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: me.body.id }, populate: ['role'] });
    expect(after.role.type).toBe(before.role.type);
    expect(after.role.type).toBe('handler');
  });
});
