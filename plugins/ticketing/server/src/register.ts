import type { Core } from '@strapi/strapi';
import { FIELD_DESIGNER, PLUGIN_ID } from './constants';
import { ticketTypeVersioning } from './document-middlewares/ticket-type-versioning';

/** Wires the custom field and the ticket-type write guard; no data is touched here. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.customFields.register({ name: FIELD_DESIGNER, plugin: PLUGIN_ID, type: 'json' });
  strapi.documents.use(ticketTypeVersioning(strapi));
};
