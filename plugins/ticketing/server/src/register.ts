import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import { FIELD_DESIGNER, PLUGIN_ID } from './constants';
import { ticketTypeVersioning } from './document-middlewares/ticket-type-versioning';
import { readTransitions } from './tickets/transitions-section';

/** Wires the custom field, the ticket-type write guard and the roles file's transition table; no data is touched here. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.customFields.register({ name: FIELD_DESIGNER, plugin: PLUGIN_ID, type: 'json' });
  strapi.documents.use(ticketTypeVersioning(strapi));
  accessService(strapi, 'access').defineSection('transitions', readTransitions);
};
