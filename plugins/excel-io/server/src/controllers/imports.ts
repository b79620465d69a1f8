import type { Core } from '@strapi/strapi';
import { actorFromState } from 'strapi-plugin-access';
import { ticketingService } from '../clients/ticketing-plugin';
import type { UploadedFile } from '../services/imports';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const uploadOf = (ctx: Context) =>
  (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files?.file;
const fieldsOf = (ctx: Context) => {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
};
const localeOf = (strapi: Core.Strapi, ctx: Context) =>
  ticketingService(strapi, 'field-types').requestLocale(ctx.query, ctx.get('accept-language'));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /excel-io/imports — multipart `file`, `ticketType?`, `dryRun?`, `mapping?`, `sheet?`, `saveMapping?` → 202 with the job record. */
  async start(ctx: Context) {
    const job = await getService(strapi, 'imports').start(uploadOf(ctx), fieldsOf(ctx), actorFromState(ctx.state), ctx.state.requestId);
    ctx.status = 202;
    ctx.body = { data: job, meta: {} };
  },

  /** POST /excel-io/imports/preview — the same fields → what the import would do; nothing is stored. */
  async preview(ctx: Context) {
    const preview = await getService(strapi, 'imports').preview(uploadOf(ctx), fieldsOf(ctx), localeOf(strapi, ctx), actorFromState(ctx.state), ctx.state.requestId);
    ctx.body = { data: preview, meta: {} };
  },

  /** GET /excel-io/imports/:jobId/report */
  async report(ctx: Context) {
    const report = await getService(strapi, 'reports').report(ctx.params.jobId, actorFromState(ctx.state), localeOf(strapi, ctx), ctx.query);
    ctx.body = { data: report, meta: {} };
  },

  /** GET /excel-io/imports/:jobId/report.xlsx */
  async reportWorkbook(ctx: Context) {
    const { fileName, bytes } = await getService(strapi, 'reports').errorWorkbook(ctx.params.jobId, actorFromState(ctx.state), localeOf(strapi, ctx));
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = bytes;
  },
});
