import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startOwnRedis } from './helpers/redis-server';
import { createAccount, roleWith, type Account } from './helpers/accounts';
import { redisKeys } from './helpers/redis';
import { waitFor } from './helpers/jobs';

const MAX_FAILURES = 3;

describe('auth while Redis restarts', () => {
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let account: Account;
  const api = () => request(app.strapi.server.httpServer);
  const login = (password = account.password) => api().post('/api/auth/local').send({ identifier: account.identifier, password });
  const refresh = (refreshToken: string) => api().post('/api/auth/refresh').send({ refreshToken });
  const me = (jwt: string) => api().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);

  beforeAll(async () => {
    redis = await startOwnRedis();
    // token families, revocations and rate limits all live in this Redis
    process.env.REDIS_URL = redis.url;
    process.env.WORKERS = 'off';
    process.env.AUTH_LOGIN_MAX_FAILURES = String(MAX_FAILURES);
    app = await startTestApp();
    const role = await roleWith(app.strapi, 'redis-restart', ['plugin::users-permissions.user.me']);
    account = await createAccount(app.strapi, role.id);
  });
  let redisDown = false;
  afterAll(async () => {
    // back up, so the app can shut down and clean its keys as usual
    if (redisDown) await redis.start();
    await app?.stop();
    await redis?.destroy();
  });

  it('refuses what needs Redis while it is down, then logs in, refreshes, detects reuse and rate-limits again by itself', async () => {
    const before = await login();
    expect(before.status).toBe(200);
    const rotated = await refresh(before.body.refreshToken);
    expect(rotated.status).toBe(200);

    await redis.stop();
    redisDown = true;
    // revocation cannot be checked: fail closed, with an answer, not a hang or a 500
    expect((await me(rotated.body.jwt)).status).toBe(503);
    expect((await refresh(rotated.body.refreshToken)).status).toBe(503);

    await redis.start();
    redisDown = false;
    // no restart of the CMS: its clients reconnect on their own
    await waitFor('a signed-in request to pass again', async () => (await me(rotated.body.jwt)).status === 200, 30_000, 100);
    const again = await refresh(rotated.body.refreshToken);
    expect(again.status).toBe(200);
    // the token refused while Redis was down was not spent then; the one rotated out before the restart is a reuse
    const reuse = await refresh(before.body.refreshToken);
    expect(reuse.status).toBe(401);
    // which revoked the whole family, as before the restart
    expect((await refresh(again.body.refreshToken)).status).toBe(401);
    expect((await me(again.body.jwt)).status).toBe(401);

    const fresh = await login();
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.jwt)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login('wrong-password')).status).toBe(400);
    const limited = await login();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // counted in Redis (shared by every process), not in the memory fallback
    expect((await redisKeys(`${process.env.REDIS_PREFIX}auth:rl:login-failures*`)).length).toBeGreaterThan(0);
  });
});
