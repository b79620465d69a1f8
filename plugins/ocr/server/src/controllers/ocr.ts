import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { ticketingService } from '../clients/ticketing-plugin';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The `data` object of a Strapi-style body; a 400 when it is missing. */
function bodyData(ctx: Context): Record<string, unknown> {
  const data = (ctx.request.body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Body must be { "data": { … } }');
  return data as Record<string, unknown>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /ocr/jobs — `{ data: { ticket, images? } }` → 202 with the job record to poll at /api/jobs/:id. */
  async createJob(ctx: Context) {
    const data = bodyData(ctx);
    const creator = (ctx.state.user as { id?: number } | undefined)?.id ?? null;
    const isToken = ctx.state.auth?.strategy?.name === 'content-api-token';
    const job = await getService(strapi, 'ocr-jobs').start(data.ticket, data.images, isToken ? null : creator);
    ctx.status = 202;
    ctx.body = { data: job, meta: {} };
  },

  /** GET /ocr/results?ticket=:id — per photo: lines with boxes, the photo's pre-signed URL and size. */
  async results(ctx: Context) {
    const ticket = ctx.query.ticket;
    if (typeof ticket !== 'string' || !ticket) throw new errors.ValidationError('Query parameter ticket (a ticket documentId) is required');
    ctx.body = { data: await getService(strapi, 'results').forTicket(ticket), meta: {} };
  },

  /** GET /ocr/tickets/:id/suggestions */
  async suggestions(ctx: Context) {
    const locale = ticketingService(strapi, 'field-types').requestLocale(ctx.query, ctx.get('accept-language'));
    const { data, meta } = await getService(strapi, 'suggestions').forTicket(ctx.params.id, locale);
    ctx.body = { data, meta };
  },

  /** POST /ocr/tickets/:id/apply — `{ data: { values, version } }` → the updated ticket. */
  async apply(ctx: Context) {
    const data = bodyData(ctx);
    const writeContext = ticketingService(strapi, 'tickets').writeContext(ctx);
    const ticket = await getService(strapi, 'suggestions').apply(ctx.params.id, { values: data.values, version: data.version }, writeContext);
    ctx.body = { data: ticket, meta: {} };
  },
});
