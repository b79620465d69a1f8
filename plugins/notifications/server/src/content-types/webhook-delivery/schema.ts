/** One event sent to one webhook: the body as signed, and the log of its attempts. */
export default {
  kind: 'collectionType',
  collectionName: 'notifications_webhook_deliveries',
  info: { singularName: 'webhook-delivery', pluralName: 'webhook-deliveries', displayName: 'Webhook delivery' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // the subscription's documentId; (webhookId, eventId) is unique (bootstrap's index)
    webhookId: { type: 'string', required: true },
    eventId: { type: 'string', required: true },
    event: { type: 'string', required: true },
    // the exact JSON sent: every attempt signs the same bytes
    body: { type: 'text', required: true },
    // pending → retrying → delivered | failed
    state: { type: 'string', required: true },
    attempts: { type: 'integer', default: 0 },
    responseCode: { type: 'integer' },
    durationMs: { type: 'integer' },
    lastError: { type: 'text' },
    deliveredAt: { type: 'datetime' },
  },
};
