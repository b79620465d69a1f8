import type { Core } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
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
    const body = (ctx.request.body ?? {}) as { fields?: unknown; key?: string; name?: Record<string, string>; role?: unknown };
    if (body.role !== undefined && body.role !== null && (typeof body.role !== 'string' || !/^[a-z][a-z0-9_-]{0,63}$/.test(body.role))) {
      throw new InvalidError('role must be a role type such as "viewer", or null for every field');
    }
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
      // "preview as role": what that role sees; without one, the form as the type defines it
      typeof body.role === 'string' ? body.role : undefined,
    );
    ctx.body = { data: { issues, ...form } };
  },
});
