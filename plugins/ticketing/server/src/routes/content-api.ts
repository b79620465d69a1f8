/** REST routes under /api/ticketing; each needs a signed-in user whose role holds the action. */
const route = (method: string, path: string, handler: string) => ({ method, path, handler, config: { policies: [] } });

export default {
  type: 'content-api',
  routes: [
    route('GET', '/ticket-types', 'ticket-types.find'),
    route('GET', '/ticket-types/:key/schema', 'ticket-types.schema'),
    route('GET', '/field-types', 'field-types.find'),
    route('GET', '/tickets', 'tickets.find'),
    route('POST', '/tickets', 'tickets.create'),
    route('GET', '/tickets/:id', 'tickets.findOne'),
    route('PUT', '/tickets/:id', 'tickets.update'),
    route('DELETE', '/tickets/:id', 'tickets.delete'),
    route('POST', '/tickets/:id/transition', 'tickets.transition'),
    route('GET', '/tickets/:id/history', 'tickets.history'),
  ],
};
