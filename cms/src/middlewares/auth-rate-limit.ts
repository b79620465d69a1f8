import type { Context } from 'koa';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RedisClient } from 'strapi-plugin-access';
import { authRouteOf, identifierOf } from '../auth/auth-routes';
import { replyError } from '../auth/error-reply';
import { createAuthLimiters, spend, type AuthLimiters } from '../auth/rate-limiters';
import { authLimits } from '../auth/settings';
import { connectedRedis, redis } from '../redis';

function tooManyRequests(ctx: Context, rejection: RateLimiterRes, message: string) {
  const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  ctx.set('Retry-After', String(retryAfter));
  replyError(ctx, 429, 'RateLimitError', message, { retryAfter });
}

/** Strapi's errors (a wrong password is a ValidationError) and 4xx http-errors: the client's, not the server's. */
const refusedTheClient = (error: unknown) =>
  error instanceof errors.ApplicationError || ((error as { status?: unknown })?.status as number) < 500;

/**
 * Rate limits of login, refresh, forgot-password and reset-password, in Redis so every
 * process shares them: per client IP (`ctx.ip`, which honours X-Forwarded-For only when
 * TRUST_PROXY is set) and per identifier. A login spends a point of its identifier before
 * the password is checked — parallel guesses cannot overtake the count — and a successful
 * login gives the identifier's points back. Limits come from env (settings.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const limits = authLimits();
  const restPrefix = strapi.config.get('api.rest.prefix', '/api') as string;
  let built: { client: RedisClient; limiters: AuthLimiters } | undefined;

  // rebuilt when the shared client was replaced (closed by another Strapi in the same process)
  async function limiters(): Promise<AuthLimiters> {
    const client = await connectedRedis().catch(() => redis());
    if (built?.client !== client) built = { client, limiters: createAuthLimiters(client, limits) };
    return built.limiters;
  }

  return async (ctx, next) => {
    const route = authRouteOf(ctx, restPrefix);
    if (!route) return next();
    const limiter = await limiters();
    const byIp = await spend(limiter.ip, ctx.ip);
    if (byIp) return tooManyRequests(ctx, byIp, 'Too many authentication requests from this address');
    const identifier = identifierOf(strapi, ctx, route);
    if (!identifier) return next();

    if (route === 'refresh' || route === 'forgot-password') {
      const rejection = await spend(route === 'refresh' ? limiter.refresh : limiter.forgotPassword, identifier);
      if (rejection) return tooManyRequests(ctx, rejection, 'Too many requests for this account');
      return next();
    }
    if (route !== 'login') return next();

    const rejection = await spend(limiter.loginFailures, identifier);
    if (rejection) return tooManyRequests(ctx, rejection, 'Too many failed logins for this account');
    try {
      await next();
    } catch (error) {
      // the point stays spent when the client was refused (a wrong password is a ValidationError);
      // when the server failed (the database down) the password was never checked: given back
      if (!refusedTheClient(error)) await limiter.loginFailures.reward(identifier, 1);
      throw error;
    }
    if (ctx.status === 200) await limiter.loginFailures.delete(identifier);
  };
};
