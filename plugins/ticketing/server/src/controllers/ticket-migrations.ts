import type { Core } from '@strapi/strapi';
import { actorFromState, InvalidError, pageParams, pagination } from 'strapi-plugin-access';
import { writeContext, type Context } from '../utils/request';
import { getService } from '../utils/get-service';

const OUTCOMES = ['migrated', 'kept'] as const;

function outcomeOf(raw: unknown) {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (OUTCOMES as readonly string[]).includes(raw)) return raw as (typeof OUTCOMES)[number];
  throw new InvalidError(`outcome must be one of ${OUTCOMES.join(', ')}, got "${String(raw)}"`);
}

/** Moving a type's tickets between its versions (admins: right ticket-types.migrate). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const migrations = () => getService(strapi, 'ticket-migrations');
  return {
    /** POST /ticket-types/:key/migrations — `{ from, to, renames?, defaults?, dryRun }` (bare or as `{ data }`) → 202 with the job record. */
    async start(ctx: Context) {
      const job = await migrations().start(ctx.params.key, ctx.request.body, writeContext(ctx));
      ctx.status = 202;
      ctx.body = { data: job, meta: {} };
    },

    /** GET /ticket-types/:key/versions — every version with its creation time, fields and ticket count. */
    async versions(ctx: Context) {
      ctx.body = { data: await migrations().versions(ctx.params.key), meta: {} };
    },

    /** GET /ticket-types/:key/migrations/:jobId/report?outcome=&page=&pageSize= — a page of the per-ticket report. */
    async report(ctx: Context) {
      const page = pageParams(ctx.query);
      const { total, ...data } = await migrations().report(ctx.params.key, ctx.params.jobId, actorFromState(ctx.state), {
        ...page,
        outcome: outcomeOf(ctx.query.outcome),
      });
      ctx.body = { data, meta: { pagination: pagination(page, total) } };
    },
  };
};
