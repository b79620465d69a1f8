import type { Core } from '@strapi/strapi';
import { SSO_PATHS } from '../auth/sso/routes';
import { localLoginEnabled } from '../auth/sso/settings';

/** What Public may call (config/roles.yaml `public`): sign in (password or SSO), refresh, sign out. */
const PUBLIC_PATHS = new Set(['/api/auth/local', '/api/auth/refresh', '/api/auth/logout', ...SSO_PATHS]);
/** The password routes LOCAL_LOGIN=false closes (sign-in goes through the IdP then). */
const PASSWORD_PATHS = new Set(['/api/auth/local', '/api/auth/forgot-password', '/api/auth/reset-password']);
/** Signed file links of the local disk store: the signature is their authorisation. */
const SIGNED_LINK_PREFIX = '/api/ticketing/files/';
/** The OpenAPI document and its Swagger UI (the access plugin's): they describe the API and hold no data. */
const API_DOCS = /^\/api\/(openapi\.json|docs(\/[\w.-]+)?)$/;

const error = (status: number, name: string, message: string, details: Record<string, unknown> = {}) => ({
  data: null,
  error: { status, name, message, details },
});

/**
 * The edges of access control that routes cannot declare themselves:
 * - a content-API call without credentials is 401 (U&P alone would answer 403, as if
 *   Public had merely lacked a grant);
 * - Strapi's bare 403 for a missing U&P grant is given the name of the right it needs;
 * - a successful login is audited (by whichever plugin keeps the audit trail);
 * - with LOCAL_LOGIN=false the password routes are 403.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const passwordsAllowed = localLoginEnabled();
  return async (ctx, next) => {
    if (!passwordsAllowed && ctx.method === 'POST' && PASSWORD_PATHS.has(ctx.path)) {
      ctx.status = 403;
      ctx.body = error(
        403,
        'ForbiddenError',
        'Sign-in with a password is turned off here (LOCAL_LOGIN=false); sign in with single sign-on',
      );
      return;
    }
    const api = ctx.path.startsWith('/api/');
    const open = PUBLIC_PATHS.has(ctx.path) || ctx.path.startsWith(SIGNED_LINK_PREFIX) || API_DOCS.test(ctx.path);
    if (api && !open && !ctx.get('authorization')) {
      ctx.status = 401;
      ctx.body = error(401, 'UnauthorizedError', 'Authentication required: send Authorization: Bearer <token>');
      return;
    }
    await next();
    if (!api) return;

    const body = ctx.body as { error?: { message?: string } } | undefined;
    if (ctx.status === 403 && body?.error?.message === 'Forbidden') {
      const route = ctx.state.route as { handler?: string; info?: { pluginName?: string; apiName?: string } } | undefined;
      const owner = route?.info?.pluginName ? `plugin::${route.info.pluginName}` : `api::${route?.info?.apiName}`;
      const action = route?.handler ? `${owner}.${route.handler}` : undefined;
      const right = action && strapi.plugin('access').service('access').rightOfAction(action);
      const missing = right ?? action;
      if (missing) ctx.body = error(403, 'ForbiddenError', `Missing right ${missing}`, { right: missing });
    }

    if (ctx.method === 'POST' && ctx.path === '/api/auth/local' && ctx.status === 200) {
      const user = (ctx.body as { user?: { id: number; username: string } }).user;
      if (user) {
        await strapi
          .plugin('access')
          .service('audit-hook')
          .record([
            {
              entityKind: 'user',
              entityId: String(user.id),
              action: 'login',
              actor: { kind: 'user', id: String(user.id), name: user.username, role: null, userId: user.id },
              meta: { ip: ctx.ip },
              requestId: ctx.state.requestId ?? null,
            },
          ]);
      }
    }
  };
};
