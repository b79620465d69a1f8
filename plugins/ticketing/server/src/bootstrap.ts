import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import { TICKET_TYPE_REVISION_UID } from './constants';
import { labelTicketTypeView } from './content-manager/ticket-type-view';
import { getService } from './utils/get-service';

/**
 * Seeds the ticket types, creates the indexes Strapi cannot declare, and makes the audit
 * log the place where the access plugin's events (grant changes, logins, user writes) are recorded.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = strapi.db.metadata.get(TICKET_TYPE_REVISION_UID).tableName;
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS ${revisions}_type_version_uq ON ${revisions} (type_key, version)`,
  );
  const { created } = await getService(strapi, 'seed').run();
  if (created.length) strapi.log.info(`ticketing: seeded ticket types ${created.join(', ')}`);
  await getService(strapi, 'ticket-indexes').ensure();
  await labelTicketTypeView(strapi);
  getService(strapi, 'sla').load();
  await getService(strapi, 'auto-assign').load();
  getService(strapi, 'sla').start();
  getService(strapi, 'ticket-types').listen();
  accessService(strapi, 'audit-hook').use((entries) => getService(strapi, 'audit').record(entries));
};
