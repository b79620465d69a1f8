import type { Core } from '@strapi/strapi';
import { TICKET_TYPE_REVISION_UID } from './constants';
import { subscribeUserAudit } from './rbac/user-audit';
import { getService } from './utils/get-service';

/** Seeds the ticket types, checks the roles file, then creates the indexes Strapi cannot declare. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = strapi.db.metadata.get(TICKET_TYPE_REVISION_UID).tableName;
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS ${revisions}_type_version_uq ON ${revisions} (type_key, version)`,
  );
  const { created } = await getService(strapi, 'seed').run();
  if (created.length) strapi.log.info(`ticketing: seeded ticket types ${created.join(', ')}`);
  getService(strapi, 'access').load();
  await getService(strapi, 'ticket-indexes').ensure();
  subscribeUserAudit(strapi);
};
