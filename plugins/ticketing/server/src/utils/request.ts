import type { Core } from '@strapi/strapi';
import { actorFromState, bodyData as dataOfBody } from 'strapi-plugin-access';
import { requestLocale } from './locale';

export type Context = Parameters<Core.MiddlewareHandler>[0];

/** The `data` object of a Strapi-style body; a 400 when it is missing or not an object. */
export const bodyData = (ctx: Context): Record<string, unknown> => dataOfBody(ctx.request.body);

/** Who writes, in which language errors are wanted, and the request id the audit keeps. */
export const writeContext = (ctx: Context) => ({
  actor: actorFromState(ctx.state),
  locale: requestLocale(ctx.query, ctx.get('accept-language')),
  requestId: ctx.state.requestId as string | undefined,
});
