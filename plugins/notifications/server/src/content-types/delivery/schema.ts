/**
 * One (event, recipient, channel) to send, and whether it was: the key that keeps a retried
 * job or a duplicate event from sending twice, and the log of attempts.
 */
export default {
  kind: 'collectionType',
  collectionName: 'notifications_deliveries',
  info: { singularName: 'delivery', pluralName: 'deliveries', displayName: 'Notification delivery' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // <eventId>:<userId>:<channel>, unique (bootstrap's index)
    deliveryKey: { type: 'string', required: true },
    eventId: { type: 'string', required: true },
    userId: { type: 'biginteger', required: true },
    channel: { type: 'string', required: true },
    kind: { type: 'string', required: true },
    // what the notification says: { ticket, params } (messages/email.ts)
    content: { type: 'json', required: true },
    // pending → sent | skipped | failed
    state: { type: 'string', required: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text' },
    sentAt: { type: 'datetime' },
  },
};
