import auditLog from './audit-log';
import migrationEntry from './migration-entry';
import ticket from './ticket';
import ticketType from './ticket-type';
import ticketTypeRevision from './ticket-type-revision';

export default {
  'audit-log': auditLog,
  'migration-entry': migrationEntry,
  ticket,
  'ticket-type': ticketType,
  'ticket-type-revision': ticketTypeRevision,
};
