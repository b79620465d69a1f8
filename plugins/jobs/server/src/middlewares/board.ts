import type { Core } from '@strapi/strapi';
import type { JobsConfig } from '../config';
import { getService } from '../utils/get-service';

const refuse = (ctx: Parameters<Core.MiddlewareHandler>[0]) => {
  ctx.status = 401;
  ctx.body = {
    data: null,
    error: { status: 401, name: 'UnauthorizedError', message: 'The job board opens with a link from GET /api/jobs/board-link (admins only)', details: {} },
  };
};

/**
 * bull-board at `boardPath`, for admins only: a request either carries a link ticket (it
 * becomes a session cookie, then a redirect drops the ticket from the address) or a valid
 * session cookie; everything else is refused with 401. Listed before body parsing, which
 * would consume the board's own request bodies, and before the security headers, whose
 * CSP would block the board page's inline script.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const base = (strapi.config.get('plugin::jobs') as JobsConfig).boardPath;
    if (ctx.path !== base && !ctx.path.startsWith(`${base}/`)) return next();
    const board = getService(strapi, 'board');
    const cookie = { path: base, httpOnly: true, sameSite: 'strict' as const, secure: ctx.secure, signed: false, overwrite: true };

    if (ctx.query.ticket !== undefined) {
      const session = board.openSession(ctx.query.ticket);
      if (!session) return refuse(ctx);
      ctx.cookies.set(board.cookieName, session.token, { ...cookie, maxAge: session.maxAgeMs });
      ctx.redirect(`${base}/`);
      return;
    }
    if (!board.isSession(ctx.cookies.get(board.cookieName, { signed: false }))) return refuse(ctx);

    // the board's own Koa app answers on the raw request; Strapi's Koa must not touch it
    ctx.respond = false;
    await board.serve(ctx.req, ctx.res);
  };
