import type { Core } from '@strapi/strapi';
import { accessService, actorFromState } from 'strapi-plugin-access';
import { linkExpiry } from '../export/link-expiry';
import { exportService } from '../export/export-services';
import { exportTicketing } from '../export/ticketing-slice';

type Context = Parameters<Core.MiddlewareHandler>[0];

const bodyOf = (ctx: Context) => (ctx.request as unknown as { body?: { data?: unknown } }).body;
const localeOf = (strapi: Core.Strapi, ctx: Context) => exportTicketing(strapi, 'field-types').requestLocale(ctx.query, ctx.get('accept-language'));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /excel-io/exports → 202 with the job record (GET /api/jobs/:id for its progress and result). */
  async start(ctx: Context) {
    const job = await exportService(strapi, 'exports').start(bodyOf(ctx)?.data, actorFromState(ctx.state), localeOf(strapi, ctx));
    ctx.status = 202;
    ctx.body = { data: job, meta: {} };
  },

  /** POST /excel-io/tickets/:ticketId/report → 202 with the job record of that ticket's Word report. */
  async ticketReport(ctx: Context) {
    const job = await exportService(strapi, 'exports').startTicketReport(ctx.params.ticketId, actorFromState(ctx.state), localeOf(strapi, ctx));
    ctx.status = 202;
    ctx.body = { data: job, meta: {} };
  },

  /** GET /excel-io/exports/:jobId/download → 302 to a fresh pre-signed link. */
  async download(ctx: Context) {
    const url = await exportService(strapi, 'exports').download(ctx.params.jobId, actorFromState(ctx.state));
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(url);
  },

  /**
   * GET /excel-io/exports/:jobId/link → `{ data: { url, expiresAt } }`: a fresh pre-signed link
   * as JSON, for a client that sends its token in a header (a page cannot follow the 302 with it).
   */
  async link(ctx: Context) {
    const url = await exportService(strapi, 'exports').download(ctx.params.jobId, actorFromState(ctx.state));
    const expiry = linkExpiry(url);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { url, expiresAt: expiry ? accessService(strapi, 'timestamps').format(expiry) : null }, meta: {} };
  },
});
