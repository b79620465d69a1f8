import type { Core } from '@strapi/strapi';

/**
 * `/_health`: the process answers. `/_ready`: it can serve, i.e. the database answers.
 * Served before auth and body parsing so probes stay cheap.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.method !== 'GET' || (ctx.path !== '/_health' && ctx.path !== '/_ready')) return next();
    if (ctx.path === '/_health') {
      ctx.body = { status: 'ok' };
      return;
    }
    const checks: Record<string, string> = {};
    try {
      await strapi.db.connection.raw('select 1');
      checks.database = 'ok';
    } catch (error) {
      checks.database = (error as Error).message;
    }
    const ready = Object.values(checks).every((c) => c === 'ok');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'unavailable', checks };
  };
