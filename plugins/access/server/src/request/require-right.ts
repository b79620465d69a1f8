/** The policy every content-API route names, with the right it needs (config/roles.yaml). */
export const HAS_RIGHT_POLICY = 'plugin::access.has-right';

/** A route's policy rule: `config: { policies: [requireRight('tickets.read')] }`. */
export const requireRight = (right: string) => ({ name: HAS_RIGHT_POLICY, config: { right } });

/** A content-API route that needs `right`: `route('GET', '/tickets', 'tickets.find', 'tickets.read')`. */
export const route = (method: string, path: string, handler: string, right: string) => ({
  method,
  path,
  handler,
  config: { policies: [requireRight(right)] },
});
