import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startTestApp } from './helpers/strapi';
import { startStrapiProcess } from './helpers/strapi-process';
import { createAccount, roleWith, type Account } from './helpers/accounts';

// short enough to watch an access token expire, long enough for a request or two
const ACCESS_TTL_SECONDS = 2;

let app: Awaited<ReturnType<typeof startTestApp>>;
let strapi: Core.Strapi;
let alice: Account;
let bob: Account;

const http = () => request(strapi.server.httpServer);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Tokens {
  jwt: string;
  refreshToken: string;
  deviceId: string;
}

async function login(account: Account, deviceId?: string): Promise<Tokens> {
  const res = await http()
    .post('/api/auth/local')
    .send({ identifier: account.identifier, password: account.password, ...(deviceId ? { deviceId } : {}) });
  expect(res.status).toBe(200);
  return res.body as Tokens;
}

const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });
const me = (token: string) => http().get('/api/users/me').set('Authorization', `Bearer ${token}`);

async function rotate(refreshToken: string): Promise<{ jwt: string; refreshToken: string }> {
  const res = await refresh(refreshToken);
  expect(res.status).toBe(200);
  return res.body;
}

const sessionsOf = (account: Account, deviceId: string) =>
  strapi.db.query('admin::session').count({ where: { userId: String(account.id), deviceId } });

beforeAll(async () => {
  process.env.ACCESS_TOKEN_TTL_SECONDS = String(ACCESS_TTL_SECONDS);
  app = await startTestApp();
  strapi = app.strapi;
  const role = await roleWith(strapi, 'token-tester', [
    'plugin::users-permissions.user.me',
    'plugin::users-permissions.auth.logout',
  ]);
  alice = await createAccount(strapi, role.id);
  bob = await createAccount(strapi, role.id);
});

afterAll(async () => {
  await app?.stop();
});

describe('login', () => {
  it('returns an access token, a refresh token and the deviceId naming the family', async () => {
    const generated = await login(alice);
    expect(generated.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await sessionsOf(alice, generated.deviceId)).toBe(1);
    const given = await login(alice, 'alice-laptop');
    expect(given.deviceId).toBe('alice-laptop');
    const res = await me(given.jwt);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(alice.id);
  });

  it('refuses a deviceId that cannot be stored', async () => {
    const res = await http()
      .post('/api/auth/local')
      .send({ identifier: alice.identifier, password: alice.password, deviceId: 'x'.repeat(256) });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});

describe('access tokens', () => {
  it(`expire after ACCESS_TOKEN_TTL_SECONDS (${ACCESS_TTL_SECONDS} s here); a refresh gives a working one`, async () => {
    const tokens = await login(alice);
    const { exp, iat } = jwt.decode(tokens.jwt) as { exp: number; iat: number };
    expect(exp - iat).toBe(ACCESS_TTL_SECONDS);
    expect((await me(tokens.jwt)).status).toBe(200);
    await sleep(ACCESS_TTL_SECONDS * 1000 + 1200);
    expect((await me(tokens.jwt)).status).toBe(401);
    const next = await rotate(tokens.refreshToken);
    expect((await me(next.jwt)).status).toBe(200);
  });
});

describe('refresh rotation and reuse detection', () => {
  it('rotates: each refresh returns a new refresh token that works once', async () => {
    const first = await login(alice);
    const second = await rotate(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await rotate(second.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect((await me(third.jwt)).status).toBe(200);
  });

  it('a rotated-out token presented again revokes the whole family, access tokens included', async () => {
    const other = await login(alice, 'alice-phone');
    const first = await login(alice, 'alice-tablet');
    const second = await rotate(first.refreshToken);
    const third = await rotate(second.refreshToken);

    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
    expect(reuse.body.error.message).toMatch(/reuse/);

    // every token of the family is dead: the newest refresh token and the access tokens
    expect((await refresh(third.refreshToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(third.jwt)).status).toBe(401);
    expect((await me(first.jwt)).status).toBe(401);
    expect(await sessionsOf(alice, 'alice-tablet')).toBe(0);

    // the user's other device is another family and keeps working
    expect((await me(other.jwt)).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('the live token presented twice is a reuse as well', async () => {
    const first = await login(alice);
    const second = await rotate(first.refreshToken);
    expect((await refresh(second.refreshToken)).status).toBe(200);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect(await sessionsOf(alice, first.deviceId)).toBe(0);
  });

  it('a new login on a revoked device starts a family that works', async () => {
    const first = await login(bob, 'bob-kiosk');
    await rotate(first.refreshToken);
    expect((await refresh(first.refreshToken)).status).toBe(401);
    const again = await login(bob, 'bob-kiosk');
    const rotated = await rotate(again.refreshToken);
    expect((await me(rotated.jwt)).status).toBe(200);
  });
});

describe('logout', () => {
  it('by refresh token revokes the family: the pre-rotation token is dead too', async () => {
    const first = await login(alice);
    const second = await rotate(first.refreshToken);
    const res = await http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${second.jwt}`)
      .send({ refreshToken: second.refreshToken });
    expect(res.status).toBe(200);
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(second.jwt)).status).toBe(401);
    expect(await sessionsOf(alice, first.deviceId)).toBe(0);
  });

  it('by deviceId, or with no body (the access token’s device), revokes that family only', async () => {
    const kept = await login(alice);
    const byDevice = await login(alice, 'alice-desktop');
    const rotated = await rotate(byDevice.refreshToken);
    let res = await http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${kept.jwt}`)
      .send({ deviceId: 'alice-desktop' });
    expect(res.status).toBe(200);
    expect((await refresh(byDevice.refreshToken)).status).toBe(401);
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    expect((await me(rotated.jwt)).status).toBe(401);
    expect((await me(kept.jwt)).status).toBe(200);

    const bare = await login(alice);
    const bareRotated = await rotate(bare.refreshToken);
    res = await http().post('/api/auth/logout').set('Authorization', `Bearer ${bareRotated.jwt}`).send({});
    expect(res.status).toBe(200);
    expect((await refresh(bare.refreshToken)).status).toBe(401);
    expect((await refresh(bareRotated.refreshToken)).status).toBe(401);
    expect((await me(bareRotated.jwt)).status).toBe(401);
    expect((await me(bare.jwt)).status).toBe(401);
    expect((await me(kept.jwt)).status).toBe(200);
    expect((await refresh(kept.refreshToken)).status).toBe(200);
  });

  it('with scope "all" revokes every family of the user, and no other user’s', async () => {
    const phone = await login(bob, 'bob-phone-2');
    const laptop = await rotate((await login(bob, 'bob-laptop')).refreshToken);
    const stranger = await login(alice);
    const res = await http().post('/api/auth/logout').set('Authorization', `Bearer ${laptop.jwt}`).send({ scope: 'all' });
    expect(res.status).toBe(200);
    expect((await refresh(phone.refreshToken)).status).toBe(401);
    expect((await refresh(laptop.refreshToken)).status).toBe(401);
    expect((await me(phone.jwt)).status).toBe(401);
    expect((await me(laptop.jwt)).status).toBe(401);
    expect((await me(stranger.jwt)).status).toBe(200);
  });

  it('needs an access token', async () => {
    const tokens = await login(alice);
    const res = await http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken });
    expect(res.status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(200);
  });
});

describe('another user’s or device’s refresh token', () => {
  it('is refused at logout (401) and nothing of its owner is revoked', async () => {
    const mine = await login(alice);
    const theirs = await login(bob);
    const res = await http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${mine.jwt}`)
      .send({ refreshToken: theirs.refreshToken });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/another user/);
    expect((await me(mine.jwt)).status).toBe(200);
    expect((await me(theirs.jwt)).status).toBe(200);
    expect((await refresh(theirs.refreshToken)).status).toBe(200);
  });

  it('is refused at refresh with the caller’s access token (401), and not counted as a use', async () => {
    const mine = await login(alice);
    const theirs = await login(bob);
    const res = await http()
      .post('/api/auth/refresh')
      .set('Authorization', `Bearer ${mine.jwt}`)
      .send({ refreshToken: theirs.refreshToken });
    expect(res.status).toBe(401);
    expect((await refresh(theirs.refreshToken)).status).toBe(200);
  });

  it('is refused when the request names another device (401)', async () => {
    const tokens = await login(bob, 'bob-phone');
    const res = await http()
      .post('/api/auth/refresh')
      .send({ refreshToken: tokens.refreshToken, deviceId: 'someone-elses-device' });
    expect(res.status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(200);
  });
});

describe('bad JWTs on a protected route', () => {
  const secret = () => strapi.config.get('plugin::users-permissions.jwtSecret') as string;
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  let claims: { userId: string; sessionId: string; type: string };

  beforeAll(async () => {
    const tokens = await login(alice);
    const { userId, sessionId, type } = jwt.decode(tokens.jwt) as typeof claims;
    claims = { userId, sessionId, type };
  });

  it('a correctly signed, unexpired token is accepted (the control)', async () => {
    expect((await me(jwt.sign(claims, secret(), { expiresIn: 60 }))).status).toBe(200);
  });

  it.each([
    ['malformed', () => 'not-a-jwt'],
    ['three garbage parts', () => 'abc.def.ghi'],
    ['expired', () => jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret())],
    [
      'tampered signature',
      () => {
        const [head, body, signature] = jwt.sign(claims, secret(), { expiresIn: 60 }).split('.');
        const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
        return `${head}.${body}.${flipped}`;
      },
    ],
    [
      'tampered payload (another user id)',
      () => {
        const [head, , signature] = jwt.sign(claims, secret(), { expiresIn: 60 }).split('.');
        return `${head}.${b64({ ...claims, userId: String(bob.id), exp: Math.floor(Date.now() / 1000) + 60 })}.${signature}`;
      },
    ],
    [
      'alg: none',
      () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 })}.`,
    ],
    ['signed with another secret', () => jwt.sign(claims, 'not-the-secret', { expiresIn: 60 })],
    ['a refresh token used as an access token', () => jwt.sign({ ...claims, type: 'refresh' }, secret(), { expiresIn: 60 })],
  ])('%s → 401', async (_name, make) => {
    const res = await me(make());
    expect(res.status).toBe(401);
    expect(res.body.data).toBeNull();
    expect(res.body.error.status).toBe(401);
  });

  it.each([
    ['malformed', 'not-a-jwt'],
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, type: 'refresh' })}.`],
  ])('a %s refresh token → 401', async (_name, token) => {
    const res = await refresh(typeof token === 'function' ? token() : token);
    expect(res.status).toBe(401);
  });
});

describe('without Redis', () => {
  it('fails closed: token requests get 503, not a pass without revocation checks', async () => {
    // port 1 refuses connections: a CMS process whose Redis is down
    const cms = await startStrapiProcess(app.db.url, { REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const tokens = await login(alice);
      const res = await request(cms.url).get('/api/users/me').set('Authorization', `Bearer ${tokens.jwt}`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ data: null, error: { status: 503, name: 'ServiceUnavailableError' } });
      expect((await request(cms.url).post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(503);
      // routes without a user token do not need the session store
      expect((await request(cms.url).get('/_health')).status).toBe(200);
    } finally {
      await cms.stop();
    }
  });
});
