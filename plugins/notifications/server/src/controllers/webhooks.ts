import type { Core } from '@strapi/strapi';
import { actorFromState, bodyData } from 'strapi-plugin-access';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Admins' webhook subscriptions (right webhooks.manage) and their delivery logs. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const webhooks = () => getService(strapi, 'webhooks');
  return {
    async find(ctx: Context) {
      const { data, pagination } = await webhooks().list(ctx.query);
      ctx.body = { data, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await webhooks().findOne(String(ctx.params.id)), meta: {} };
    },

    /** POST /notifications/webhooks — `{ data: { url, events, secret?, name?, active? } }`; the answer shows the secret, once. */
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await webhooks().create(bodyData(ctx.request.body), actorFromState(ctx.state).userId), meta: {} };
    },

    async update(ctx: Context) {
      ctx.body = { data: await webhooks().update(String(ctx.params.id), bodyData(ctx.request.body)), meta: {} };
    },

    async delete(ctx: Context) {
      ctx.body = { data: await webhooks().delete(String(ctx.params.id)), meta: {} };
    },

    /** GET /notifications/webhooks/:id/deliveries — the delivery log, newest first. */
    async deliveries(ctx: Context) {
      const { data, pagination } = await getService(strapi, 'webhook-deliveries').list(String(ctx.params.id), ctx.query);
      ctx.body = { data, meta: { pagination } };
    },
  };
};
