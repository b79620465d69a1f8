import type { Core } from '@strapi/strapi';
import type fieldTypes from '../services/field-types';
import type ticketTypes from '../services/ticket-types';
import type seed from '../services/seed';
import type access from '../services/access';

interface Services {
  'field-types': ReturnType<typeof fieldTypes>;
  'ticket-types': ReturnType<typeof ticketTypes>;
  seed: ReturnType<typeof seed>;
  access: ReturnType<typeof access>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('ticketing').service(name) as Services[K];
}
