import type { Core } from '@strapi/strapi';
import { JobConflictError } from '../errors';
import { requesterFromState } from '../utils/requester';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');

  return {
    /** GET /jobs?kind=&status=&page=&pageSize= — the caller's jobs (admins: all), newest first. */
    async find(ctx: Context) {
      const { data, pagination } = await jobs().list(ctx.query, requesterFromState(ctx.state));
      ctx.body = { data, meta: { pagination } };
    },

    /** GET /jobs/:id — one job: status, progress, result or error. */
    async findOne(ctx: Context) {
      ctx.body = { data: await jobs().findOne(ctx.params.id, requesterFromState(ctx.state)), meta: {} };
    },

    /** POST /jobs/:id/cancel — 200 when cancelled, 202 while a running job winds down, 409 when finished. */
    async cancel(ctx: Context) {
      try {
        const { record, pending } = await jobs().cancel(ctx.params.id, requesterFromState(ctx.state));
        ctx.status = pending ? 202 : 200;
        ctx.body = { data: record, meta: {} };
      } catch (error) {
        if (!(error instanceof JobConflictError)) throw error;
        // @strapi/utils has no 409 error class; the body has Strapi's error shape
        ctx.status = 409;
        ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: error.details } };
      }
    },

    /** GET /jobs/board-link — a short-lived link that opens bull-board (admins only, by route policy). */
    async boardLink(ctx: Context) {
      const userId = (ctx.state.user as { id?: number } | undefined)?.id;
      ctx.body = { data: getService(strapi, 'board').link(String(userId ?? 'api-token')), meta: {} };
    },
  };
};
