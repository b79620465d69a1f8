import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startTestApp } from './helpers/strapi';
import { startStrapiProcess } from './helpers/strapi-process';
import { createAccount, roleWith, type Account } from './helpers/accounts';
import { deleteRedisKeys } from './helpers/redis';

// the numbers are the defaults: 10 failed logins per identifier in 15 minutes
const MAX_FAILURES = 10;
const IP_MAX = 40;

let app: Awaited<ReturnType<typeof startTestApp>>;
type Instance = Core.Strapi | string;
let first: Core.Strapi;
// a second Strapi process on the same database and Redis, behind a trusted proxy
let second: Awaited<ReturnType<typeof startStrapiProcess>> | undefined;
let secondUrl: string;
let account: Account;

const on = (instance: Instance) => request(typeof instance === 'string' ? instance : instance.server.httpServer);

const login = (instance: Instance, identifier: string, password: string, forwardedFor?: string) => {
  const req = on(instance).post('/api/auth/local');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ identifier, password });
};

const failLogins = async (instance: Instance, count: number, identifier = account.identifier) => {
  for (let i = 0; i < count; i += 1) {
    const res = await login(instance, identifier, 'wrong-password');
    expect(res.status).toBe(400);
  }
};

function expectTooManyRequests(res: request.Response, windowSeconds: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body).toEqual({
    data: null,
    error: { status: 429, name: 'RateLimitError', message: expect.any(String), details: { retryAfter } },
  });
}

beforeAll(async () => {
  process.env.AUTH_IP_MAX_REQUESTS = String(IP_MAX);
  process.env.AUTH_REFRESH_MAX_REQUESTS = '3';
  process.env.AUTH_FORGOT_MAX_REQUESTS = '2';
  app = await startTestApp();
  first = app.strapi;
  second = await startStrapiProcess(app.db.url, { TRUST_PROXY: 'true' });
  secondUrl = second.url;
  const role = await roleWith(first, 'rate-tester', ['plugin::users-permissions.user.me']);
  account = await createAccount(first, role.id);
});

// each test starts from empty counters (the run's prefix keeps other runs' counters apart)
beforeEach(async () => {
  await deleteRedisKeys(`${process.env.REDIS_PREFIX}auth:rl:`);
});

afterAll(async () => {
  await second?.stop();
  await app?.stop();
});

describe('failed logins per identifier', () => {
  it(`the ${MAX_FAILURES + 1}th within the window → 429 with Retry-After, even with the right password`, async () => {
    await failLogins(first, MAX_FAILURES);
    expectTooManyRequests(await login(first, account.identifier, account.password), 900);
    // the identifier is matched case-insensitively, as an e-mail is
    expectTooManyRequests(await login(first, account.identifier.toUpperCase(), account.password), 900);
    // another identifier has its own count
    expect((await login(first, 'someone-else', 'wrong-password')).status).toBe(400);
  });

  it('a successful login resets the count', async () => {
    await failLogins(first, MAX_FAILURES - 1);
    expect((await login(first, account.identifier, account.password)).status).toBe(200);
    await failLogins(first, MAX_FAILURES);
    expectTooManyRequests(await login(first, account.identifier, 'wrong-password'), 900);
  });

  it('the count is shared by two Strapi processes on one Redis', async () => {
    await failLogins(first, MAX_FAILURES / 2);
    await failLogins(secondUrl, MAX_FAILURES / 2);
    // each process saw half of the failures; the limit applies to the sum
    expectTooManyRequests(await login(secondUrl, account.identifier, account.password), 900);
    expectTooManyRequests(await login(first, account.identifier, account.password), 900);
  });
});

describe('requests per client IP', () => {
  const randomIdentifier = (i: number) => `nobody-${i}-${Math.random().toString(36).slice(2)}`;

  it('without TRUST_PROXY, X-Forwarded-For is ignored: every request counts for the socket address', async () => {
    for (let i = 0; i < IP_MAX; i += 1) {
      expect((await login(first, randomIdentifier(i), 'x', `198.51.100.${i}`)).status).toBe(400);
    }
    expectTooManyRequests(await login(first, randomIdentifier(99), 'x', '198.51.100.200'), 900);
  });

  it('with TRUST_PROXY, the address the proxy appended counts, not one the client prepended', async () => {
    for (let i = 0; i < IP_MAX; i += 1) {
      expect((await login(secondUrl, randomIdentifier(i), 'x', '203.0.113.7')).status).toBe(400);
    }
    expectTooManyRequests(await login(secondUrl, randomIdentifier(98), 'x', '203.0.113.7'), 900);
    expectTooManyRequests(await login(secondUrl, randomIdentifier(97), 'x', '203.0.113.8, 203.0.113.7'), 900);
    expect((await login(secondUrl, randomIdentifier(96), 'x', '203.0.113.8')).status).toBe(400);
  });
});

describe('refresh and password reset', () => {
  it('refreshes are limited per user (AUTH_REFRESH_MAX_REQUESTS, 3 here)', async () => {
    const res = await login(first, account.identifier, account.password);
    let refreshToken = res.body.refreshToken as string;
    for (let i = 0; i < 3; i += 1) {
      const rotated = await on(first).post('/api/auth/refresh').send({ refreshToken });
      expect(rotated.status).toBe(200);
      refreshToken = rotated.body.refreshToken;
    }
    expectTooManyRequests(await on(secondUrl).post('/api/auth/refresh').send({ refreshToken }), 900);
    // refused before use: the token is still the live one once the window is reset
    await deleteRedisKeys(`${process.env.REDIS_PREFIX}auth:rl:`);
    expect((await on(first).post('/api/auth/refresh').send({ refreshToken })).status).toBe(200);
  });

  // the Public role may not hold the password-reset grants (401/403 then): the limits apply
  // before the route, whatever it answers
  it('forgot-password is limited per e-mail address (AUTH_FORGOT_MAX_REQUESTS, 2 here)', async () => {
    const forgot = (email: string) => on(first).post('/api/auth/forgot-password').send({ email });
    expect((await forgot('nobody@example.test')).status).not.toBe(429);
    expect((await forgot('NOBODY@example.test')).status).not.toBe(429);
    expectTooManyRequests(await forgot('nobody@example.test'), 3600);
    expect((await forgot('somebody@example.test')).status).not.toBe(429);
  });

  it('reset-password requests count towards the per-IP limit', async () => {
    for (let i = 0; i < IP_MAX; i += 1) {
      const res = await on(secondUrl)
        .post('/api/auth/reset-password')
        .set('X-Forwarded-For', '192.0.2.1')
        .send({ code: `bad-code-${i}`, password: 'Passw0rd!new', passwordConfirmation: 'Passw0rd!new' });
      expect(res.status).not.toBe(429);
    }
    const res = await on(secondUrl)
      .post('/api/auth/reset-password')
      .set('X-Forwarded-For', '192.0.2.1')
      .send({ code: 'bad-code', password: 'Passw0rd!new', passwordConfirmation: 'Passw0rd!new' });
    expectTooManyRequests(res, 900);
  });
});
