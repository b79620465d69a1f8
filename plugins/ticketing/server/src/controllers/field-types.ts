import type { Core } from '@strapi/strapi';
import { requestLocale } from '../utils/locale';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /field-types — the registered field types and the meta-schema of `fields`. */
  async find(ctx: Context) {
    const service = getService(strapi, 'field-types');
    ctx.body = { data: { types: service.describe(), metaSchema: service.metaSchema() } };
  },

  /** POST /form-preview (admin) — the form a `fields` list would give, or what is wrong with it. */
  async preview(ctx: Context) {
    const service = getService(strapi, 'field-types');
    const body = (ctx.request.body ?? {}) as { fields?: unknown; key?: string; name?: Record<string, string> };
    const locale = requestLocale(ctx.query, ctx.get('accept-language'));
    const issues = service.validateFields(body.fields);
    if (issues.length) {
      ctx.body = { data: { issues } };
      return;
    }
    const form = service.formSchema(
      {
        key: body.key ?? 'preview',
        name: { 'zh-CN': body.name?.['zh-CN'] ?? '', en: body.name?.en ?? '' },
        fields: body.fields as never,
      },
      locale,
    );
    ctx.body = { data: { issues, ...form } };
  },
});
