import { execFileSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';

describe('demo data', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('creates one user per role, idempotently', async () => {
    const demo = app.strapi.plugin('ticketing').service('demo');
    expect(await demo.users('Demo-Passw0rd')).toEqual(['viewer@example.com', 'handler@example.com', 'publisher@example.com', 'admin@example.com']);
    expect(await demo.users('Other-Passw0rd')).toEqual([]);
    const users = await app.strapi.db.query('plugin::users-permissions.user').findMany({ populate: ['role'], orderBy: { id: 'asc' } });
    expect(users.map((u: { email: string; role: { type: string } }) => [u.email, u.role.type])).toEqual([
      ['viewer@example.com', 'viewer'],
      ['handler@example.com', 'handler'],
      ['publisher@example.com', 'publisher'],
      ['admin@example.com', 'admin'],
    ]);
    const login = await request(app.strapi.server.httpServer).post('/api/auth/local').send({ identifier: 'admin@example.com', password: 'Other-Passw0rd' });
    expect(login.status).toBe(200);
  });

  it('writes valid tickets of both types with their audit entries, in several batches', async () => {
    await app.strapi.plugin('ticketing').service('demo').tickets(12_000, { seed: 3 });
    const db = app.strapi.db.connection;
    const byType = (await db('ticketing_tickets').select('type_key').count({ n: '*' }).groupBy('type_key').orderBy('type_key')) as unknown as {
      type_key: string;
      n: string;
    }[];
    expect(byType.map((r) => r.type_key)).toEqual(['bs-fault', 'site-survey']);
    expect(byType.reduce((sum, r) => sum + Number(r.n), 0)).toBe(12_000);
    const states = await db('ticketing_tickets').distinct('state');
    expect(states.length).toBe(6);
    const audits = await db('ticketing_audit_logs').where({ action: 'create', actor_id: 'seed:demo' }).count({ n: '*' });
    expect(Number(audits[0].n)).toBe(12_000);

    // every stored demo ticket reads back through the API and passes a no-op update
    const token = await userToken(app.strapi, 'publisher');
    const api = request(app.strapi.server.httpServer);
    const page = await api.get('/api/ticketing/tickets?type=bs-fault&pageSize=3').set('Authorization', `Bearer ${token}`);
    // 9,000-odd matches: past the count limit (1,000 by default) the total is a lower bound
    expect(Number(byType[0].n)).toBeGreaterThan(1000);
    expect(page.body.meta.pagination).toMatchObject({ total: 1000, totalIsLowerBound: true });
    for (const t of page.body.data) {
      const res = await api.put(`/api/ticketing/tickets/${t.documentId}`).set('Authorization', `Bearer ${token}`).send({ data: { form: t.form, version: 1 } });
      expect(res.status).toBe(200);
    }
  });

  it('refuses to run in production', () => {
    const script = path.resolve(__dirname, '..', 'scripts', 'seed-demo.js');
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync('node', [script, '--tickets', '1'], { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain('NODE_ENV=production');
  });
});
