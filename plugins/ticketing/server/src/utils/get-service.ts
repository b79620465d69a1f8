import type { Core } from '@strapi/strapi';
import type audit from '../services/audit';
import type autoAssign from '../services/auto-assign';
import type demo from '../services/demo';
import type fieldAccess from '../services/field-access';
import type fieldStatistics from '../services/field-statistics';
import type fieldTypes from '../services/field-types';
import type photos from '../services/photos';
import type seed from '../services/seed';
import type sla from '../services/sla';
import type ticketAssignment from '../services/ticket-assignment';
import type ticketBulk from '../services/ticket-bulk';
import type ticketEvents from '../services/ticket-events';
import type ticketIndexes from '../services/ticket-indexes';
import type ticketMigrations from '../services/ticket-migrations';
import type ticketNotes from '../services/ticket-notes';
import type ticketTypes from '../services/ticket-types';
import type tickets from '../services/tickets';
import type workflow from '../services/workflow';

interface Services {
  audit: ReturnType<typeof audit>;
  'auto-assign': ReturnType<typeof autoAssign>;
  demo: ReturnType<typeof demo>;
  'field-access': ReturnType<typeof fieldAccess>;
  'field-statistics': ReturnType<typeof fieldStatistics>;
  'field-types': ReturnType<typeof fieldTypes>;
  photos: ReturnType<typeof photos>;
  seed: ReturnType<typeof seed>;
  sla: ReturnType<typeof sla>;
  'ticket-assignment': ReturnType<typeof ticketAssignment>;
  'ticket-bulk': ReturnType<typeof ticketBulk>;
  'ticket-events': ReturnType<typeof ticketEvents>;
  'ticket-indexes': ReturnType<typeof ticketIndexes>;
  'ticket-migrations': ReturnType<typeof ticketMigrations>;
  'ticket-notes': ReturnType<typeof ticketNotes>;
  'ticket-types': ReturnType<typeof ticketTypes>;
  tickets: ReturnType<typeof tickets>;
  workflow: ReturnType<typeof workflow>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('ticketing').service(name) as Services[K];
}
