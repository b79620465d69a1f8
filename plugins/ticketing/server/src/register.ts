import type { Core } from '@strapi/strapi';
import { accessService, addOpenApiSchemas } from 'strapi-plugin-access';
import { FIELD_DESIGNER, PLUGIN_ID } from './constants';
import { ticketTypeVersioning } from './document-middlewares/ticket-type-versioning';
import { ticketFormSchemas } from './openapi/form-schemas';
import { readTransitions } from './tickets/transitions-section';
import { getService } from './utils/get-service';

/** Wires the custom field, the ticket-type write guard, the roles file's transition table and the migration queue; no data is touched here. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.customFields.register({ name: FIELD_DESIGNER, plugin: PLUGIN_ID, type: 'json' });
  strapi.documents.use(ticketTypeVersioning(strapi));
  accessService(strapi, 'access').defineSection('transitions', readTransitions);
  // the migration queue, in every process (the CMS adds jobs, workers run them)
  getService(strapi, 'ticket-migrations').register();
  // each active type's form in the OpenAPI document, built when the document is
  addOpenApiSchemas(strapi, () => ticketFormSchemas(strapi));
};
