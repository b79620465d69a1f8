import type { SpecifiedRoute } from './build-document';
import { arrayOf, bool, file, int, named, object, str, timestamp, type JsonSchema, type RouteSpec } from './spec-types';

/*
 * The routes of Users & Permissions the project uses (sign-in with token families, single
 * sign-on, and the admins' user management), described here because they are Strapi's and carry no spec of
 * their own. The CMS's auth middlewares (cms/src/middlewares) shape login, refresh and logout.
 */

const user: JsonSchema = named('User', {
  ...object(
    { id: int, documentId: str, username: str, email: str, provider: str, confirmed: bool, blocked: bool, createdAt: timestamp, updatedAt: timestamp, role: { type: 'object' } },
    ['provider', 'confirmed', 'blocked', 'createdAt', 'updatedAt', 'role'],
  ),
  description: 'A user of Users & Permissions (never its password or tokens)',
});

const userFields = (required: string[]): JsonSchema => ({
  ...object({ username: str, email: { type: 'string', format: 'email' }, password: str, role: int, blocked: bool, confirmed: bool }),
  required,
});

const specs: [method: string, path: string, right: string | null, spec: RouteSpec][] = [
  ['POST', '/auth/local', null, {
    summary: 'Sign in: an access token and the refresh token of a new token family (device)',
    body: object({ identifier: str, password: str, deviceId: str }, ['deviceId']),
    responses: { 200: object({ jwt: str, refreshToken: str, user, deviceId: str }) },
  }],
  ['POST', '/auth/refresh', null, {
    summary: 'A new access/refresh pair; each refresh token is good once (a reused one revokes its family)',
    body: object({ refreshToken: str }),
    responses: { 200: object({ jwt: str, refreshToken: str }) },
  }],
  ['POST', '/auth/logout', 'account', {
    summary: 'Revoke a device\'s token family (default: the access token\'s own) or every device (`scope: "all"`)',
    body: object({ deviceId: str, refreshToken: str, scope: { const: 'all' } }, ['deviceId', 'refreshToken', 'scope']),
    responses: { 200: object({ ok: { const: true } }) },
  }],
  ['POST', '/auth/forgot-password', null, {
    summary: 'Mail a reset link (answers the same whether or not the address is known)',
    body: object({ email: str }),
    responses: { 200: object({ ok: bool }) },
  }],
  ['POST', '/auth/reset-password', null, {
    summary: 'Set a new password with the code from the mail',
    body: object({ code: str, password: str, passwordConfirmation: str }),
    responses: { 200: object({ jwt: str, user }, ['jwt']) },
  }],
  // single sign-on (cms/src/auth/sso): 404 on each while OIDC_ISSUER is unset, but /auth/sso/config
  ['GET', '/auth/sso/config', null, {
    summary: 'Whether the portal offers single sign-on (and its button label) and the password form',
    responses: {
      200: object({
        enabled: bool,
        label: { type: ['object', 'null'], properties: { 'zh-CN': str, en: str } },
        localLogin: bool,
      }),
    },
  }],
  ['GET', '/auth/sso/login', null, {
    summary: 'To the IdP (302): authorization code flow with PKCE S256, state and nonce kept server-side',
    query: { redirect: { ...str, description: 'the portal page to land on afterwards (a path)' } },
    responses: { 302: file('text/plain', 'Location: the IdP\'s authorization endpoint') },
  }],
  ['GET', '/auth/sso/callback', null, {
    summary: 'The IdP\'s answer: checked, the user synced, back to the portal (302) with a one-time code or an error code',
    query: { code: str, state: str, iss: str, error: str, error_description: str },
    responses: { 302: file('text/plain', 'Location: <PORTAL_URL>/login?ssoCode=… or ?ssoError=<code>') },
  }],
  ['POST', '/auth/sso/token', null, {
    summary: 'Trade the one-time code of a single sign-on (60 s, single use) for the login\'s tokens',
    body: object({ code: str }),
    responses: { 200: object({ jwt: str, refreshToken: str, user, deviceId: str, redirect: str }) },
  }],
  // single sign-on (cms/src/auth/sso), when configured: the same token pair as a password login
  ['GET', '/auth/sso/config', null, {
    summary: 'Whether single sign-on is configured, its button label, and whether password sign-in is on',
    responses: { 200: object({ enabled: bool, label: { anyOf: [object({ 'zh-CN': str, en: str }), { type: 'null' }], description: 'the button\'s text per locale' }, localLogin: bool }) },
  }],
  ['GET', '/auth/sso/login', null, {
    summary: 'To the OpenID provider (authorization code with PKCE); `?redirect=` is the portal page to come back to',
    query: { redirect: str },
    responses: { 302: {} },
  }],
  ['GET', '/auth/sso/callback', null, { summary: 'The provider\'s answer: back to the portal with a one-time hand-over code (or `ssoError`)', responses: { 302: {} } }],
  ['POST', '/auth/sso/token', null, {
    summary: 'Trade the one-time hand-over code for the login\'s tokens',
    body: object({ code: str }),
    responses: { 200: object({ jwt: str, refreshToken: str, deviceId: str, user, redirect: { ...str, description: 'the portal page the sign-in started from' } }) },
  }],
  ['GET', '/users/me', 'account', { summary: 'The signed-in user', responses: { 200: user } }],
  ['GET', '/users', 'users.manage', { summary: 'Users (admins)', responses: { 200: arrayOf(user) } }],
  ['POST', '/users', 'users.manage', { summary: 'Create a user (admins)', body: userFields(['username', 'email', 'password']), responses: { 201: user } }],
  ['GET', '/users/:id', 'users.manage', { summary: 'A user (admins)', responses: { 200: user } }],
  ['PUT', '/users/:id', 'users.manage', { summary: 'Update, block or assign a role to a user (admins)', body: userFields([]), responses: { 200: user } }],
  ['DELETE', '/users/:id', 'users.manage', { summary: 'Delete a user (admins)', responses: { 200: user } }],
  ['GET', '/users-permissions/roles', 'users.manage', {
    summary: 'The roles a user can be given (admins)',
    responses: { 200: object({ roles: arrayOf(object({ id: int, name: str, type: str }, [])) }) },
  }],
];

/** The auth routes as routes of a pseudo-plugin `auth`, for the document builder. */
export function authRoutes(): SpecifiedRoute[] {
  return specs.map(([method, path, right, spec]) => ({
    plugin: 'auth',
    fullPath: path,
    route: {
      method,
      path,
      handler: `users-permissions${path.replace(/\//g, '.')}`,
      config: right ? { policies: [{ name: 'plugin::access.has-right', config: { right } }], spec } : { auth: false, spec },
    },
  }));
}
