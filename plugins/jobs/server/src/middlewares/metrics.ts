import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { JobsConfig } from '../config';
import { getService } from '../utils/get-service';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics` in Prometheus text format. With METRICS_TOKEN set it needs
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); without, it is open, for a
 * scraper on a private network. Listed before body parsing and auth: scrapes stay cheap.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.path !== '/metrics' || ctx.method !== 'GET') return next();
    const { metricsToken } = strapi.config.get('plugin::jobs') as JobsConfig;
    if (metricsToken) {
      const [scheme, token] = ctx.get('authorization').split(' ');
      if (scheme !== 'Bearer' || !token || !sameSecret(token, metricsToken)) {
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
        ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>', details: {} } };
        return;
      }
    }
    const metrics = getService(strapi, 'metrics');
    ctx.set('Cache-Control', 'no-store');
    try {
      const text = await metrics.render();
      ctx.set('Content-Type', metrics.contentType);
      ctx.body = text;
    } catch (error) {
      // queue figures come from Redis: without it the scrape fails visibly, as a 503
      strapi.log.warn(`jobs: /metrics: ${(error as Error).message}`);
      ctx.status = 503;
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'Metrics unavailable: Redis does not answer', details: {} } };
    }
  };
