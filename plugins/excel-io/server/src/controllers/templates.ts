import type { Core } from '@strapi/strapi';
import { actorFromState } from 'strapi-plugin-access';
import { exportService } from '../export/export-services';
import type { TemplateUpload } from '../services/templates';

type Context = Parameters<Core.MiddlewareHandler>[0];

const uploadOf = (ctx: Context) => (ctx.request as unknown as { files?: Record<string, TemplateUpload | TemplateUpload[]> }).files?.file;
const fieldsOf = (ctx: Context) => {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /excel-io/templates?ticketType= */
  async find(ctx: Context) {
    ctx.body = { data: await exportService(strapi, 'templates').list(ctx.query.ticketType), meta: {} };
  },

  /** POST /excel-io/templates — multipart `file`, `name`, `ticketType` → 201; a bad template is a 400 naming the problem. */
  async create(ctx: Context) {
    ctx.status = 201;
    const caller = { actor: actorFromState(ctx.state), requestId: ctx.state.requestId as string | undefined };
    ctx.body = { data: await exportService(strapi, 'templates').create(uploadOf(ctx), fieldsOf(ctx), caller), meta: {} };
  },

  /** DELETE /excel-io/templates/:id */
  async delete(ctx: Context) {
    await exportService(strapi, 'templates').remove(ctx.params.id);
    ctx.status = 204;
  },
});
