import type { Core } from '@strapi/strapi';
import { actorFromState, InvalidError } from 'strapi-plugin-access';
import { requestLocale } from '../utils/locale';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

function parseVersion(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const version = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(version) || version < 1) {
    throw new InvalidError(`version must be a positive integer, got "${String(raw)}"`);
  }
  return version;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /ticket-types — the active ticket types. */
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'ticket-types').listActive() };
  },

  /** GET /ticket-types/:key/schema — a type's form as JSON Schema + uiSchema in one locale. */
  async schema(ctx: Context) {
    const locale = requestLocale(ctx.query, ctx.get('accept-language'));
    const version = parseVersion(ctx.query.version);
    const data = await getService(strapi, 'ticket-types').formSchema(ctx.params.key, locale, version, actorFromState(ctx.state).role);
    ctx.body = { data };
  },
});
