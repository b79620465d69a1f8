/**
 * One ticket's line in a migration's report: migrated (or, in a dry run, would be) or kept on
 * its old version with the reasons. One per (job, ticket); a migrated ticket's line is written
 * in the same transaction as the ticket, so a retried job's report misses none.
 */
export default {
  kind: 'collectionType',
  collectionName: 'ticketing_migration_entries',
  info: { singularName: 'migration-entry', pluralName: 'migration-entries', displayName: 'Migration report entry' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    jobId: { type: 'string', required: true },
    ticketId: { type: 'string', required: true },
    // migrated | kept
    outcome: { type: 'string', required: true },
    // kept: [{ field, reason, message }]
    reasons: { type: 'json' },
  },
};
