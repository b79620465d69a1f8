import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { presentedRefreshToken, verifyRefreshJwt } from './refresh-token';

/** The rate-limited auth routes. */
export type AuthRoute = 'login' | 'refresh' | 'forgot-password' | 'reset-password';

const routes: Record<string, AuthRoute> = {
  '/auth/local': 'login',
  '/auth/refresh': 'refresh',
  '/auth/forgot-password': 'forgot-password',
  '/auth/reset-password': 'reset-password',
};

/** Which rate-limited auth route a request is for (all are POST under the REST prefix), if any. */
export function authRouteOf(ctx: Context, restPrefix: string): AuthRoute | undefined {
  if (ctx.method !== 'POST' || !ctx.path.startsWith(`${restPrefix}/`)) return undefined;
  return routes[ctx.path.slice(restPrefix.length)];
}

// identifiers are e-mail addresses: Redis keys hold a digest, not the address
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

const lowerString = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;

/**
 * Who a request is about, for per-identifier limits: the login identifier, the e-mail of a
 * forgot-password request, the owner of a validly signed refresh token. A reset-password
 * request names no one but its secret one-time code, so it is limited per IP only.
 */
export function identifierOf(strapi: Core.Strapi, ctx: Context, route: AuthRoute): string | undefined {
  const body = (ctx.request.body ?? {}) as { identifier?: unknown; email?: unknown };
  let identifier: string | undefined;
  if (route === 'login') identifier = lowerString(body.identifier);
  else if (route === 'forgot-password') identifier = lowerString(body.email);
  else if (route === 'refresh') {
    const token = presentedRefreshToken(strapi, ctx);
    // an unsigned or forged token must not spend a real user's budget
    identifier = token ? verifyRefreshJwt(strapi, token)?.userId : undefined;
  }
  return identifier === undefined ? undefined : digest(identifier);
}
