import type { Core } from '@strapi/strapi';
import { actorFromState, bodyData as dataOfBody, InvalidError } from 'strapi-plugin-access';
import { getService } from '../utils/get-service';
import { ticketingService } from '../clients/ticketing-plugin';

type Context = Parameters<Core.MiddlewareHandler>[0];

const bodyData = (ctx: Context) => dataOfBody(ctx.request.body);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /ocr/jobs — `{ data: { ticket, images? } }` → 202 with the job record to poll at /api/jobs/:id. */
  async createJob(ctx: Context) {
    const data = bodyData(ctx);
    // an API token's job has no creator: only admins see it
    const job = await getService(strapi, 'ocr-jobs').start(data.ticket, data.images, actorFromState(ctx.state).userId);
    ctx.status = 202;
    ctx.body = { data: job, meta: {} };
  },

  /** GET /ocr/results?ticket=:id — per photo: lines with boxes, the photo's pre-signed URL and size. */
  async results(ctx: Context) {
    const ticket = ctx.query.ticket;
    if (typeof ticket !== 'string' || !ticket) throw new InvalidError('Query parameter ticket (a ticket documentId) is required');
    ctx.body = { data: await getService(strapi, 'results').forTicket(ticket), meta: {} };
  },

  /** GET /ocr/tickets/:id/suggestions */
  async suggestions(ctx: Context) {
    const locale = ticketingService(strapi, 'field-types').requestLocale(ctx.query, ctx.get('accept-language'));
    const { data, meta } = await getService(strapi, 'suggestions').forTicket(ctx.params.id, locale, actorFromState(ctx.state).role);
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
