/** A user's in-app notification: one per (event, recipient), written by a notify job. */
export default {
  kind: 'collectionType',
  collectionName: 'notifications',
  info: { singularName: 'notification', pluralName: 'notifications', displayName: 'Notification' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    userId: { type: 'biginteger', required: true },
    kind: { type: 'string', required: true },
    eventId: { type: 'string', required: true },
    // unique (bootstrap's index): a retried job or a duplicate event leaves one notification
    deliveryKey: { type: 'string', required: true },
    ticketId: { type: 'string', required: true },
    ticketTitle: { type: 'string' },
    ticketType: { type: 'string' },
    ticketStatus: { type: 'string' },
    params: { type: 'json' },
    // null while unread
    readAt: { type: 'datetime' },
  },
};
