import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorFromState } from '../tickets/actor';
import { requestLocale } from './locale';

export type Context = Parameters<Core.MiddlewareHandler>[0];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The `data` object of a Strapi-style body; a 400 when it is missing or not an object. */
export function bodyData(ctx: Context): Record<string, unknown> {
  const body = ctx.request.body as unknown;
  if (!isObject(body) || !isObject(body.data)) throw new errors.ValidationError('Body must be { "data": { … } }');
  return body.data;
}

/** Who writes, in which language errors are wanted, and the request id the audit keeps. */
export const writeContext = (ctx: Context) => ({
  actor: actorFromState(ctx.state),
  locale: requestLocale(ctx.query, ctx.get('accept-language')),
  requestId: ctx.state.requestId as string | undefined,
});
