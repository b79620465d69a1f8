import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

type Method = (...args: unknown[]) => Promise<unknown>;

// the Users & Permissions services its auth strategy reads the database through
const STRATEGY_READS: Record<string, string[]> = {
  user: ['fetchAuthenticatedUser'],
  permission: ['findPublicPermissions', 'findRolePermissions'],
};

/**
 * Users & Permissions' auth strategy turns every error into "not authenticated": with the
 * database down, a signed-in user (and a login, which needs the Public role's permissions)
 * would get a 401 — and a client that logs out on 401 would lose its session over a restart.
 * A failure of the strategy's reads is not a bad credential: it is remembered for the request,
 * and the 401 that follows is thrown as that failure instead — a 503 when the access plugin
 * sees a dependency down in it, a 500 for anything else, never a 401.
 */
export function authReadFailuresAreErrors(strapi: Core.Strapi): void {
  const failures = new WeakMap<object, unknown>();
  for (const [name, methods] of Object.entries(STRATEGY_READS)) {
    const service = strapi.plugin('users-permissions').service(name) as Record<string, Method>;
    for (const method of methods) {
      const read = service[method];
      service[method] = async function rememberingFailure(this: unknown, ...args: unknown[]) {
        try {
          return await read.apply(this, args);
        } catch (error) {
          const ctx = strapi.requestContext.get();
          if (ctx) failures.set(ctx, error);
          throw error;
        }
      };
    }
  }
  const auth = strapi.get('auth') as { authenticate: (ctx: Context, next: Next) => Promise<unknown> };
  const authenticate = auth.authenticate.bind(auth);
  auth.authenticate = async (ctx, next) => {
    const result = await authenticate(ctx, next);
    const failure = failures.get(ctx);
    if (failure && !ctx.state.isAuthenticated) throw failure;
    return result;
  };
}
