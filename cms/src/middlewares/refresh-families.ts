import type { Core } from '@strapi/strapi';

/** Placeholder, filled in by the auth work (issue 4). */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (_ctx, next) => {
    await next();
  };
