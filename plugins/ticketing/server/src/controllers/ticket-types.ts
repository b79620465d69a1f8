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

/** Whether an If-None-Match header names `etag` (a list, or `*`). */
function ifNoneMatch(header: string, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
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
    const { data, etag } = await getService(strapi, 'ticket-types').taggedFormSchema(ctx.params.key, locale, version, actorFromState(ctx.state).role);
    // strong: the hash of this answer for this caller's role and locale
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', 'private, no-cache');
    ctx.set('Vary', 'Authorization, Accept-Language');
    if (ifNoneMatch(ctx.get('if-none-match'), etag)) {
      ctx.status = 304;
      return;
    }
    ctx.body = { data };
  },
});
