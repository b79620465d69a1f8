import type { RouteSpec } from '../openapi/spec-types';

/** The policy every content-API route names, with the right it needs (config/roles.yaml). */
export const HAS_RIGHT_POLICY = 'plugin::access.has-right';

/** A route's policy rule: `config: { policies: [requireRight('tickets.read')] }`. */
export const requireRight = (right: string) => ({ name: HAS_RIGHT_POLICY, config: { right } });

/**
 * A content-API route that needs `right`, with what the OpenAPI document says of it:
 * `route('GET', '/tickets', 'tickets.find', 'tickets.read', { summary, responses })`.
 * The spec rides in `config.spec` (Strapi keeps the route as declared in `plugin.routes`);
 * a test fails on a route without one.
 */
export const route = (method: string, path: string, handler: string, right: string, spec?: RouteSpec) => ({
  method,
  path,
  handler,
  config: { policies: [requireRight(right)], ...(spec ? { spec } : {}) },
});
