import request from 'supertest';
import { startTestApp } from './helpers/strapi';

describe('operations and the auth baseline', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const api = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('answers /_health and /_ready without credentials', async () => {
    const health = await api().get('/_health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await api().get('/_ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('gives each request an id, keeping a sane one from the caller', async () => {
    const own = await api().get('/_health').set('X-Request-Id', 'trace-123');
    expect(own.headers['x-request-id']).toBe('trace-123');
    const made = await api().get('/_health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves the Public role only login, refresh and logout, and registration off', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const grants = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    expect(grants.map((g: { action: string }) => g.action).sort()).toEqual([
      'plugin::users-permissions.auth.callback',
      'plugin::users-permissions.auth.logout',
      'plugin::users-permissions.auth.refresh',
    ]);
    const register = await api()
      .post('/api/auth/local/register')
      .send({ username: 'mallory', email: 'mallory@example.test', password: 'Passw0rd!long' });
    expect(register.status).toBeGreaterThanOrEqual(400);
    expect(register.status).toBeLessThan(500);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });

  it('keeps the baseline idempotent across restarts', async () => {
    const permissions = () => app.strapi.db.query('plugin::users-permissions.permission').count();
    const before = await permissions();
    await app.restart();
    expect(await permissions()).toBe(before);
  });
});

describe('secure headers and CORS', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const api = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('sends secure headers on API answers', async () => {
    const res = await api().get('/api/ticketing/ticket-types');
    expect(res.status).toBe(401);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows only the configured origins (the portal dev origin by default)', async () => {
    const preflight = (origin: string) =>
      api().options('/api/ticketing/tickets').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
