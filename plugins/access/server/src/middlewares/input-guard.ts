import type { Core } from '@strapi/strapi';
import { InvalidError } from '../errors/domain-errors';
import { findHostileText, safeFileName, textProblem } from '../request/hostile-text';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Set by `body-guard` once the request's query and body were parsed and checked. */
const CHECKED = Symbol('input checked');

function checkUrl(ctx: Context) {
  let path: string;
  try {
    path = decodeURIComponent(ctx.path);
  } catch {
    throw new InvalidError('The request path is not valid percent-encoded UTF-8');
  }
  const problem = textProblem(path);
  if (problem) throw new InvalidError(`The request path ${problem}`);
  // the query is not checked here: its parser keeps a stray `%` (`$contains]=100%`) as text, and
  // `body-guard` checks the values it gives
}

/**
 * Listed before `strapi::query` and `strapi::body`: refuses a path that is not valid UTF-8 or
 * holds a NUL (an id like `%00` would reach PostgreSQL), and turns a failure to
 * parse the query or body — a multipart body without a boundary or cut off before its end,
 * broken JSON — into a 400 naming it, where it would otherwise surface as a 500. An error
 * after `body-guard` has passed the request is the route's own and goes on untouched.
 */
export const inputGuard = (): Core.MiddlewareHandler => async (ctx, next) => {
  checkUrl(ctx);
  try {
    await next();
  } catch (error) {
    if ((ctx.state as Record<symbol, unknown>)[CHECKED]) throw error;
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    // the parser's own client errors keep their status (a 413 for a body over the limit)
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 400) throw error;
    throw new InvalidError(`The request body could not be read: ${(error as Error).message}`);
  }
};

/**
 * Listed right after `strapi::body`: refuses NUL characters and lone surrogates anywhere in
 * the parsed query and body (values and keys: one check for every route, a login identifier
 * or a form field alike), and strips bidi and control characters from every uploaded file's
 * name, so no stored name can pretend to be another file.
 */
export const bodyGuard = (): Core.MiddlewareHandler => async (ctx, next) => {
  const query = findHostileText(ctx.query);
  if (query) throw new InvalidError(`Query parameter ${query.at} ${query.problem}`, { parameter: query.at });
  const request = ctx.request as unknown as { body?: unknown; files?: Record<string, unknown> };
  // a write without a body reads as an empty one, as with an empty JSON object (a handler that
  // destructures the body would otherwise fail with a 500)
  if (request.body === undefined && ['POST', 'PUT', 'PATCH'].includes(ctx.method)) request.body = {};
  const body = findHostileText(request.body);
  if (body) throw new InvalidError(`Body field ${body.at} ${body.problem}`, { field: body.at });
  for (const entry of Object.values(request.files ?? {})) {
    for (const file of Array.isArray(entry) ? entry : [entry]) {
      const named = file as { originalFilename?: string | null; name?: string | null };
      if (typeof named.originalFilename === 'string') named.originalFilename = safeFileName(named.originalFilename);
      if (typeof named.name === 'string') named.name = safeFileName(named.name);
    }
  }
  (ctx.state as Record<symbol, unknown>)[CHECKED] = true;
  await next();
};
