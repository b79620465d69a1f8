import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  proxy: {
    // behind a proxy, ctx.ip (and so the auth rate limits) comes from X-Forwarded-For; without
    // one a client could name any address there. Reading only the last TRUST_PROXY_HOPS
    // entries keeps the addresses the client itself prepended out of it.
    koa: env.bool('TRUST_PROXY', false),
    maxIpsCount: env.int('TRUST_PROXY_HOPS', 1),
  },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STARTUP_BANNER', false) } },
});
