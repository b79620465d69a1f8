import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startStrapiProcess } from './helpers/strapi-process';
import { userToken } from './helpers/users';

// a minute: within the test only a write's announcement can make a process drop its copy
process.env.AUTH_CACHE_TTL_MS = '60000';

const LIST = '/api/ticketing/tickets?type=bs-fault';

describe('auth reads (API tokens, users, role permissions) cached per process, dropped on every write', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let b: Awaited<ReturnType<typeof startStrapiProcess>>;
  const tokens = () => a.strapi.service('admin::api-token-content-api') as unknown as {
    create(attributes: object): Promise<{ id: number; accessKey: string }>;
    update(id: number, attributes: object): Promise<unknown>;
    revoke(id: number): Promise<unknown>;
  };
  const onA = () => request(a.strapi.server.httpServer);
  const onB = () => request(b.url);

  /** The SQL this process sends while `run` runs. */
  async function queriesDuring(run: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    a.strapi.db.connection.client.on('query', listener);
    try {
      await run();
    } finally {
      a.strapi.db.connection.client.off('query', listener);
    }
    return seen;
  }
  const tokenReads = (sql: string[]) => sql.filter((s) => s.includes('strapi_api_token')).length;

  /** Polls `status` until it is `want` (or 3 s pass); resolves to the last status. */
  async function eventually(status: () => Promise<number>, want: number): Promise<number> {
    let last = await status();
    for (let i = 0; i < 30 && last !== want; i++) {
      await new Promise((r) => setTimeout(r, 100));
      last = await status();
    }
    return last;
  }

  beforeAll(async () => {
    a = await startTestApp();
    // process B: same database, same Redis namespace
    b = await startStrapiProcess(a.db.url, { WORKERS: 'off' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('reads a token from the database once, then from the copy', async () => {
    const { accessKey } = await tokens().create({ name: 'cached', description: 'test', type: 'read-only', lifespan: null });
    const first = await queriesDuring(() => onA().get(LIST).set('Authorization', `Bearer ${accessKey}`).expect(200));
    expect(tokenReads(first)).toBeGreaterThanOrEqual(2);
    // the first use wrote the token's lastUsedAt, a write like any other: the copy went with it
    await new Promise((r) => setTimeout(r, 1100));
    await onA().get(LIST).set('Authorization', `Bearer ${accessKey}`).expect(200);
    const second = await queriesDuring(() => onA().get(LIST).set('Authorization', `Bearer ${accessKey}`).expect(200));
    expect(tokenReads(second)).toBe(0);
  });

  it('never keeps a miss: each guessed key is looked up and refused', async () => {
    const guess = 'f'.repeat(256);
    for (let i = 0; i < 2; i++) {
      const sql = await queriesDuring(() => onA().get(LIST).set('Authorization', `Bearer ${guess}`).expect(401));
      expect(tokenReads(sql)).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads a signed-in user and their role from the database once, then from the copy', async () => {
    const jwt = await userToken(a.strapi, 'viewer');
    await onA().get(LIST).set('Authorization', `Bearer ${jwt}`).expect(200);
    const again = await queriesDuring(() => onA().get(LIST).set('Authorization', `Bearer ${jwt}`).expect(200));
    expect(again.filter((s) => /"up_roles"|"up_permissions"/.test(s))).toEqual([]);
    // left: Strapi's own check that an access token's user still exists (refresh mode), not kept
    // since it also judges the token; the user with their role was read twice more before. (The
    // API-token strategy, asked first, still looks the JWT up as a key and misses.)
    expect(again.filter((s) => s.includes('"up_users"'))).toHaveLength(1);
  });

  it('refuses a user blocked on this process at once, and on the other within the announcement', async () => {
    const jwt = await userToken(a.strapi, 'viewer');
    await onA().get(LIST).set('Authorization', `Bearer ${jwt}`).expect(200);
    await onB().get(LIST).set('Authorization', `Bearer ${jwt}`).expect(200);
    const me = await onA().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);
    await a.strapi.db.query('plugin::users-permissions.user').update({ where: { id: me.body.id }, data: { blocked: true } });
    expect((await onA().get(LIST).set('Authorization', `Bearer ${jwt}`)).status).toBe(401);
    expect(await eventually(async () => (await onB().get(LIST).set('Authorization', `Bearer ${jwt}`)).status, 401)).toBe(401);
  });

  it('refuses a token revoked on this process at once, and on the other within the announcement', async () => {
    const { id, accessKey } = await tokens().create({ name: 'revoked', description: 'test', type: 'read-only', lifespan: null });
    // both processes hold a copy
    await onA().get(LIST).set('Authorization', `Bearer ${accessKey}`).expect(200);
    await onB().get(LIST).set('Authorization', `Bearer ${accessKey}`).expect(200);
    await tokens().revoke(id);
    expect((await onA().get(LIST).set('Authorization', `Bearer ${accessKey}`)).status).toBe(401);
    expect(await eventually(async () => (await onB().get(LIST).set('Authorization', `Bearer ${accessKey}`)).status, 401)).toBe(401);
  });

  it('applies a change of the token type on the other process', async () => {
    const { id, accessKey } = await tokens().create({ name: 'narrowed', description: 'test', type: 'full-access', lifespan: null });
    const post = () => onB().post('/api/ticketing/tickets').set('Authorization', `Bearer ${accessKey}`).send({ data: { type: 'bs-fault', form: { site_name: 'x' } } });
    // a full-access token reaches validation (400: the form is incomplete), not the rights check
    expect((await post()).status).toBe(400);
    await tokens().update(id, { type: 'read-only' });
    expect(await eventually(async () => (await post()).status, 403)).toBe(403);
  });
});
