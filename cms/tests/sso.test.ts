import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startTestApp } from './helpers/strapi';
import { withTestRedis } from './helpers/redis';
import { signInAtIdp, startOidcProvider, type IdpAccount } from './helpers/oidc-provider';

const CALLBACK = 'http://127.0.0.1:1337/api/auth/sso/callback';
const PORTAL = 'http://portal.test';

let idp: Awaited<ReturnType<typeof startOidcProvider>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);

const alice: IdpAccount = { email: 'alice@example.test', preferred_username: 'alice', groups: ['noc-handlers'] };

/** The first steps of a sign-in: our login route's redirect to the IdP and the state cookie it set. */
async function startSignIn(redirect = '/tickets') {
  const res = await http().get(`/api/auth/sso/login?redirect=${encodeURIComponent(redirect)}`);
  expect(res.status).toBe(302);
  const authorizationUrl = new URL(res.headers.location);
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ticketing_sso_state='));
  expect(cookie).toMatch(/httponly/i);
  return { authorizationUrl, cookie: (cookie as string).split(';')[0], state: authorizationUrl.searchParams.get('state') as string };
}

/** The CMS's callback as the browser would call it, coming back from the IdP. */
const callback = (back: URL, cookie?: string) => {
  const req = http().get(`${back.pathname}${back.search}`);
  return cookie ? req.set('Cookie', cookie) : req;
};

/** Where the callback sent the browser: the portal's login page with `ssoCode` or `ssoError`. */
function portalLanding(res: request.Response) {
  expect(res.status).toBe(302);
  const to = new URL(res.headers.location);
  expect(`${to.origin}${to.pathname}`).toBe(`${PORTAL}/login`);
  return { code: to.searchParams.get('ssoCode'), error: to.searchParams.get('ssoError') };
}

/** A whole sign-in of `subject`, up to the portal's landing. */
async function signIn(subject: string, redirect?: string) {
  const flow = await startSignIn(redirect);
  const back = await signInAtIdp(flow.authorizationUrl.href, subject, CALLBACK);
  return portalLanding(await callback(back, flow.cookie));
}

/** Signs in and trades the hand-over code for the tokens, as the portal does. */
async function signInForTokens(subject: string, redirect?: string) {
  const landing = await signIn(subject, redirect);
  expect(landing.error).toBeNull();
  const res = await http().post('/api/auth/sso/token').send({ code: landing.code });
  expect(res.status).toBe(200);
  return res.body as { jwt: string; refreshToken: string; deviceId: string; redirect: string; user: Record<string, unknown> };
}

const me = (jwt: string) => http().get('/api/ticketing/me').set('Authorization', `Bearer ${jwt}`);

async function editFlow(state: string, change: (flow: Record<string, string>) => void) {
  await withTestRedis(async (client) => {
    const key = `${process.env.REDIS_PREFIX}auth:sso-flow:${state}`;
    const flow = JSON.parse((await client.get(key)) as string);
    change(flow);
    await client.set(key, JSON.stringify(flow), 'KEEPTTL');
  });
}

beforeAll(async () => {
  idp = await startOidcProvider({ id: 'ticketing', secret: 'test-client-secret', redirectUri: CALLBACK });
  idp.setAccounts({ alice });
  Object.assign(process.env, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'ticketing',
    OIDC_CLIENT_SECRET: 'test-client-secret',
    OIDC_REDIRECT_URI: CALLBACK,
    PORTAL_URL: PORTAL,
    SSO_CONFIG: path.resolve(__dirname, '..', '..', 'config', 'sso.yaml'),
  });
  app = await startTestApp();
  strapi = app.strapi;
});

afterAll(async () => {
  await app?.stop();
  await idp?.stop();
  for (const name of [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_REDIRECT_URI',
    'PORTAL_URL',
    'SSO_CONFIG',
    'LOCAL_LOGIN',
  ]) {
    delete process.env[name];
  }
});

describe('single sign-on through OpenID Connect', () => {
  it('tells the portal that SSO is on, with the button label of config/sso.yaml', async () => {
    const res = await http().get('/api/auth/sso/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enabled: true, label: { 'zh-CN': '使用 SSO 登录', en: 'Sign in with SSO' }, localLogin: true });
  });

  it('is described in the OpenAPI document, so the answers below are checked against it', async () => {
    const paths = Object.keys((await http().get('/api/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/auth/sso/config', '/auth/sso/login', '/auth/sso/callback', '/auth/sso/token']));
  });

  it('sends the browser to the IdP with state, nonce and an S256 PKCE challenge', async () => {
    const { authorizationUrl } = await startSignIn();
    expect(authorizationUrl.origin).toBe(idp.issuer);
    const params = authorizationUrl.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('ticketing');
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{43}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(params.get('scope')).toBe('openid email profile groups');
  });

  it('creates the user from the claims, maps its group to a role and issues our own tokens', async () => {
    const tokens = await signInForTokens('alice', '/tickets?type=bs-fault');
    expect(tokens.redirect).toBe('/tickets?type=bs-fault');
    expect(tokens.user).toMatchObject({ username: 'alice', email: 'alice@example.test', provider: 'oidc' });
    expect(tokens.user).not.toHaveProperty('ssoSubject');
    const caller = await me(tokens.jwt);
    expect(caller.status).toBe(200);
    expect(caller.body.data).toMatchObject({ username: 'alice', role: 'handler' });
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { ssoSubject: 'alice' } });
    expect(user).toMatchObject({ email: 'alice@example.test', confirmed: true });
  });

  it('hands the tokens over once: the code works a single time', async () => {
    const landing = await signIn('alice');
    expect((await http().post('/api/auth/sso/token').send({ code: landing.code })).status).toBe(200);
    const again = await http().post('/api/auth/sso/token').send({ code: landing.code });
    expect(again.status).toBe(401);
    expect((await http().post('/api/auth/sso/token').send({})).status).toBe(400);
  });

  it('puts the login into a token family: refresh rotates, reuse and logout revoke as for a local login', async () => {
    const tokens = await signInForTokens('alice');
    const rotated = await http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken });
    expect(rotated.status).toBe(200);
    // the old refresh token again: reuse, the whole family goes
    expect((await http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await me(rotated.body.jwt)).status).toBe(401);

    const next = await signInForTokens('alice');
    const out = await http().post('/api/auth/logout').set('Authorization', `Bearer ${next.jwt}`).send({ deviceId: next.deviceId });
    expect(out.status).toBe(200);
    expect((await me(next.jwt)).status).toBe(401);
    expect((await http().post('/api/auth/refresh').send({ refreshToken: next.refreshToken })).status).toBe(401);
  });

  it('follows the IdP at the next sign-in: a changed group changes the role, no mapped group leaves none', async () => {
    idp.setAccounts({ alice: { ...alice, email: 'alice.new@example.test', groups: ['noc-dispatchers', 'noc-handlers'] } });
    const promoted = await signInForTokens('alice');
    expect((await me(promoted.jwt)).body.data).toMatchObject({ role: 'publisher', email: 'alice.new@example.test' });

    idp.setAccounts({ alice: { ...alice, groups: ['canteen'] } });
    const demoted = await signInForTokens('alice');
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { ssoSubject: 'alice' }, populate: ['role'] });
    expect(user.role.type).toBe('authenticated');
    // the Authenticated role may do nothing, as for a new local user
    expect((await me(demoted.jwt)).status).toBe(403);
    idp.setAccounts({ alice });
  });

  it('refuses a blocked user at the callback and issues nothing', async () => {
    idp.setAccounts({ alice, bob: { email: 'bob@example.test', preferred_username: 'bob', groups: ['noc-staff'] } });
    await signInForTokens('bob');
    await strapi.db.query('plugin::users-permissions.user').update({ where: { ssoSubject: 'bob' }, data: { blocked: true } });
    expect(await signIn('bob')).toEqual({ code: null, error: 'blocked' });
  });

  it('does not take over a local account that shares the e-mail address', async () => {
    await strapi.plugin('users-permissions').service('user').add({
      username: 'carol-local',
      email: 'carol@example.test',
      password: 'Passw0rd!long',
      provider: 'local',
      confirmed: true,
      blocked: false,
    });
    idp.setAccounts({ alice, carol: { email: 'carol@example.test', preferred_username: 'carol', groups: ['noc-admins'] } });
    expect(await signIn('carol')).toEqual({ code: null, error: 'email_taken' });
  });

  it('refuses a tampered or replayed state, and a callback without the browser cookie of its login', async () => {
    const flow = await startSignIn();
    const back = await signInAtIdp(flow.authorizationUrl.href, 'alice', CALLBACK);
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    expect(portalLanding(await callback(forged, `ticketing_sso_state=${'x'.repeat(43)}`)).error).toBe('state');
    // no cookie: a login started by someone else (login CSRF)
    expect(portalLanding(await callback(back)).error).toBe('state');

    const other = await startSignIn();
    const otherBack = await signInAtIdp(other.authorizationUrl.href, 'alice', CALLBACK);
    expect(portalLanding(await callback(otherBack, other.cookie)).code).toBeTruthy();
    expect(portalLanding(await callback(otherBack, other.cookie)).error).toBe('state');
  });

  it('refuses an ID token whose nonce is not the one of the login', async () => {
    const flow = await startSignIn();
    await editFlow(flow.state, (f) => (f.nonce = 'another-nonce'));
    const back = await signInAtIdp(flow.authorizationUrl.href, 'alice', CALLBACK);
    expect(portalLanding(await callback(back, flow.cookie))).toEqual({ code: null, error: 'idp' });
  });

  it('refuses when the PKCE verifier does not match the challenge (the IdP rejects the code)', async () => {
    const flow = await startSignIn();
    await editFlow(flow.state, (f) => (f.codeVerifier = 'a'.repeat(43)));
    const back = await signInAtIdp(flow.authorizationUrl.href, 'alice', CALLBACK);
    expect(portalLanding(await callback(back, flow.cookie))).toEqual({ code: null, error: 'idp' });
  });

  it('lands on the home page when the redirect points elsewhere than the portal', async () => {
    expect((await signInForTokens('alice', '//evil.example/x')).redirect).toBe('/');
  });
});

describe('without an IdP, and with local login turned off', () => {
  beforeAll(async () => {
    delete process.env.OIDC_ISSUER;
    process.env.LOCAL_LOGIN = 'false';
    strapi = await app.restart();
  });

  it('answers 404 on the SSO routes and tells the portal SSO is off', async () => {
    expect((await http().get('/api/auth/sso/login')).status).toBe(404);
    expect((await http().get('/api/auth/sso/callback?code=x&state=y')).status).toBe(404);
    expect((await http().post('/api/auth/sso/token').send({ code: 'x' })).status).toBe(404);
    expect((await http().get('/api/auth/sso/config')).body).toEqual({ enabled: false, label: null, localLogin: false });
  });

  it('refuses password sign-in with a 403 that says why', async () => {
    const res = await http().post('/api/auth/local').send({ identifier: 'carol-local', password: 'Passw0rd!long' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/LOCAL_LOGIN=false/);
  });
});
