/** REST routes under /api/ticketing; each needs a signed-in user whose role holds the action. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/ticket-types', handler: 'ticket-types.find', config: { policies: [] } },
    { method: 'GET', path: '/ticket-types/:key/schema', handler: 'ticket-types.schema', config: { policies: [] } },
    { method: 'GET', path: '/field-types', handler: 'field-types.find', config: { policies: [] } },
  ],
};
