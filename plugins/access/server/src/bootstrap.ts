import type { Core } from '@strapi/strapi';
import { subscribeUserAudit } from './users/user-audit';
import { accessService } from './utils/get-service';

/**
 * Checks the roles file once every plugin has registered its controllers and sections (a
 * broken file stops start-up), and audits user writes from now on. The app syncs the roles
 * (`role-sync`.apply) from its own bootstrap, which runs after every plugin's, when Users &
 * Permissions' roles exist.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  accessService(strapi, 'access').load();
  subscribeUserAudit(strapi);
};
