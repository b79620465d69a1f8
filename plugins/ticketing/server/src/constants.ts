export const PLUGIN_ID = 'ticketing';
export const TICKET_TYPE_UID = 'plugin::ticketing.ticket-type';
export const TICKET_TYPE_REVISION_UID = 'plugin::ticketing.ticket-type-revision';
export const FIELD_DESIGNER = 'field-designer';
export const TICKET_UID = 'plugin::ticketing.ticket';
export const AUDIT_LOG_UID = 'plugin::ticketing.audit-log';
export const MIGRATION_ENTRY_UID = 'plugin::ticketing.migration-entry';
