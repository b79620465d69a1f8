import type { Context } from 'koa';

/** Answers with Strapi's error shape `{ data: null, error: { status, name, message, details } }`. */
export function replyError(
  ctx: Context,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
