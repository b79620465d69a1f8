import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { ownUserId } from './own-user';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /notifications?unread=&page=&pageSize= — the caller's own, newest first. */
  async find(ctx: Context) {
    const { data, pagination, unread } = await getService(strapi, 'inbox').list(ownUserId(ctx.state), ctx.query);
    ctx.body = { data, meta: { pagination, unread } };
  },

  /** POST /notifications/:id/read — another user's notification is 404. */
  async markRead(ctx: Context) {
    const { data, unread } = await getService(strapi, 'inbox').markRead(ownUserId(ctx.state), String(ctx.params.id));
    ctx.body = { data, meta: { unread } };
  },

  /** POST /notifications/read-all */
  async markAllRead(ctx: Context) {
    const { marked, unread } = await getService(strapi, 'inbox').markAllRead(ownUserId(ctx.state));
    ctx.body = { data: { marked }, meta: { unread } };
  },
});
