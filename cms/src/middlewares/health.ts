import type { Core } from '@strapi/strapi';
import { connectedRedis } from '../redis';

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

async function pingRedis() {
  await (await connectedRedis()).ping();
}

/**
 * `/_health`: the process answers. `/_ready`: it can serve — PostgreSQL and Redis
 * answer. Served before auth and body parsing so probes stay cheap.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.method !== 'GET' || (ctx.path !== '/_health' && ctx.path !== '/_ready')) return next();
    if (ctx.path === '/_health') {
      ctx.body = { status: 'ok' };
      return;
    }
    const checks = {
      database: await check(() => strapi.db.connection.raw('select 1')),
      redis: await check(pingRedis),
    };
    const ready = Object.values(checks).every((c) => c === 'ok');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'unavailable', checks };
  };
