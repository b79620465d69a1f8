import type { Core } from '@strapi/strapi';
import { bodyData } from 'strapi-plugin-access';
import type { NotificationsConfig } from '../config';
import { getService } from '../utils/get-service';
import { ownUserId } from './own-user';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // the portal greys the e-mail switches out when no SMTP server is configured
  const meta = () => ({ emailAvailable: (strapi.config.get('plugin::notifications') as NotificationsConfig).emailEnabled });
  return {
    /** GET /notifications/preferences */
    async find(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'preferences').of(ownUserId(ctx.state)), meta: meta() };
    },

    /** PUT /notifications/preferences — `{ data: { language?, events?: { <kind>: { inApp?, email? } } } }`, a partial change. */
    async update(ctx: Context) {
      const userId = ownUserId(ctx.state);
      ctx.body = { data: await getService(strapi, 'preferences').change(userId, bodyData(ctx.request.body)), meta: meta() };
    },
  };
};
