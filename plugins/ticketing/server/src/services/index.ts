import audit from './audit';
import autoAssign from './auto-assign';
import demo from './demo';
import fieldAccess from './field-access';
import fieldStatistics from './field-statistics';
import fieldTypes from './field-types';
import photos from './photos';
import seed from './seed';
import sla from './sla';
import storage from './storage';
import ticketAssignment from './ticket-assignment';
import ticketBulk from './ticket-bulk';
import ticketEvents from './ticket-events';
import ticketIndexes from './ticket-indexes';
import ticketMigrations from './ticket-migrations';
import ticketNotes from './ticket-notes';
import ticketTypes from './ticket-types';
import tickets from './tickets';
import workflow from './workflow';

export default {
  audit,
  'auto-assign': autoAssign,
  demo,
  'field-access': fieldAccess,
  'field-statistics': fieldStatistics,
  'field-types': fieldTypes,
  photos,
  seed,
  sla,
  storage,
  'ticket-assignment': ticketAssignment,
  'ticket-bulk': ticketBulk,
  'ticket-events': ticketEvents,
  'ticket-indexes': ticketIndexes,
  'ticket-migrations': ticketMigrations,
  'ticket-notes': ticketNotes,
  'ticket-types': ticketTypes,
  tickets,
  workflow,
};
