import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const VALID_ID = /^[\w.-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane) and logs
 * one JSON line per request with it; later code reads it from `ctx.state.requestId`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const requestId = VALID_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      strapi.log.http('request', {
        requestId,
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    }
  };
