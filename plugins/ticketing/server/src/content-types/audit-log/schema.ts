/**
 * One append-only audit entry. The entity is named by kind and documentId as plain
 * strings so entries outlive what they describe. No route updates or deletes it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'ticketing_audit_logs',
  info: { singularName: 'audit-log', pluralName: 'audit-logs', displayName: 'Audit log' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    entityKind: { type: 'string', required: true },
    entityId: { type: 'string', required: true },
    action: { type: 'string', required: true },
    actorKind: { type: 'string', required: true },
    actorId: { type: 'string' },
    actorName: { type: 'string' },
    diff: { type: 'json' },
    meta: { type: 'json' },
    requestId: { type: 'string' },
  },
};
