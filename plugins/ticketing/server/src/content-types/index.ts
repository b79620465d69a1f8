import auditLog from './audit-log';
import ticket from './ticket';
import ticketType from './ticket-type';
import ticketTypeRevision from './ticket-type-revision';

export default {
  'audit-log': auditLog,
  ticket,
  'ticket-type': ticketType,
  'ticket-type-revision': ticketTypeRevision,
};
