/** An outgoing webhook subscription an admin made: where to POST which ticket events, signed with its secret. */
export default {
  kind: 'collectionType',
  collectionName: 'notifications_webhooks',
  info: { singularName: 'webhook', pluralName: 'webhooks', displayName: 'Outgoing webhook' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string' },
    url: { type: 'text', required: true },
    // WEBHOOK_EVENTS it receives
    events: { type: 'json', required: true },
    // the HMAC key; the API shows it only in the answer that created it
    secret: { type: 'string', required: true, private: true },
    active: { type: 'boolean', default: true },
    creatorId: { type: 'biginteger' },
  },
};
