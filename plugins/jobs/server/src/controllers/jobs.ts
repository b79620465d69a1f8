import type { Core } from '@strapi/strapi';
import { actorFromState } from 'strapi-plugin-access';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');

  return {
    /** GET /jobs?kind=&status=&page=&pageSize= — the caller's jobs (admins: all), newest first. */
    async find(ctx: Context) {
      const { data, pagination } = await jobs().list(ctx.query, actorFromState(ctx.state));
      ctx.body = { data, meta: { pagination } };
    },

    /** GET /jobs/:id — one job: status, progress, result or error. */
    async findOne(ctx: Context) {
      ctx.body = { data: await jobs().findOne(ctx.params.id, actorFromState(ctx.state)), meta: {} };
    },

    /** POST /jobs/:id/cancel — 200 when cancelled, 202 while a running job winds down, 409 when finished. */
    async cancel(ctx: Context) {
      const { record, pending } = await jobs().cancel(ctx.params.id, actorFromState(ctx.state));
      ctx.status = pending ? 202 : 200;
      ctx.body = { data: record, meta: {} };
    },

    /** GET /jobs/board-link — a short-lived link that opens bull-board (admins only, by route policy). */
    async boardLink(ctx: Context) {
      const caller = actorFromState(ctx.state);
      ctx.body = { data: getService(strapi, 'board').link(caller.userId === null ? 'api-token' : String(caller.userId)), meta: {} };
    },
  };
};
