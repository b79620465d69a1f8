/**
 * The SSO routes, added to Users & Permissions' content API next to /auth/local. Public
 * (`auth: false`): they are how a caller without a token gets one. The auth guard lets them
 * through without credentials (cms/src/middlewares/auth-guard.ts).
 */
export const SSO_PATHS = ['/api/auth/sso/config', '/api/auth/sso/login', '/api/auth/sso/callback', '/api/auth/sso/token'];

const route = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler: `sso.${handler}`,
  config: { auth: false as const, prefix: '' },
});

export const ssoRoutes = [
  route('GET', '/auth/sso/config', 'config'),
  route('GET', '/auth/sso/login', 'login'),
  route('GET', '/auth/sso/callback', 'callback'),
  route('POST', '/auth/sso/token', 'token'),
];
