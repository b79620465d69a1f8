import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

// answered by middlewares before any router: their paths are fixed, so they may be labels
const MIDDLEWARE_PATHS = new Set(['/metrics', '/_health', '/_ready']);

/**
 * The route pattern (`/api/ticketing/tickets/:id`), never the raw path: ids would make a label
 * per ticket. Requests no route answered (refused by a middleware before routing, or caught by
 * the static files' catch-all pattern) share `unmatched`.
 */
function routeLabel(ctx: { _matchedRoute?: unknown; path: string }): string {
  const route = ctx._matchedRoute;
  if (typeof route === 'string' && !route.includes('(')) return route;
  return MIDDLEWARE_PATHS.has(ctx.path) ? ctx.path : 'unmatched';
}

/**
 * Counts and times every request for `/metrics` (http_requests_total,
 * http_request_duration_seconds). Listed outside Strapi's error middleware, so the status it
 * records is the one the client got; an error escaping everything counts as the 500 Koa sends.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const started = process.hrtime.bigint();
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = failed ? 500 : ctx.status;
      getService(strapi, 'metrics').observeRequest(routeLabel(ctx as never), ctx.method, status, seconds);
    }
  };
