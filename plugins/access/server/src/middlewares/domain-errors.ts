import type { Core } from '@strapi/strapi';
import { InvalidError, isDomainError } from '../errors/domain-errors';
import { errorResponse } from '../errors/error-body';
import { databasePortOf, DependencyUnavailableError, RETRY_AFTER_SECONDS, unavailableDependency } from '../errors/unavailable';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * PostgreSQL's answers that mean the request carried a value the column cannot hold (class 22:
 * an id `abc` for an integer key, a number out of range) or named a column that does not exist
 * (42703: Users & Permissions turns query keys into WHERE clauses): the client's mistake, not the
 * server's. Anything else from the database stays a 500.
 */
function isClientDatabaseError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22[0-9A-Z]{3}|42703)$/.test(code) && 'severity' in (error as object);
}

// What @strapi/database's WHERE builder throws (as plain Errors) for a filter of the wrong shape,
// which Users & Permissions builds from the query string as given
const QUERY_SHAPE_MESSAGE = /^(Undefined attribute level operator|Operator and non-operator keys|Only one operator key|Where must be|Operator \S+ must be an array|Only \$and, \$or and \$not|You cannot filter on)/;

const isQueryShapeError = (error: unknown) =>
  error instanceof Error && QUERY_SHAPE_MESSAGE.test(error.message) && /@strapi[\\/]database/.test(error.stack ?? '');

const databasePort = () =>
  databasePortOf((globalThis as { strapi?: Core.Strapi }).strapi?.config.get('database.connection.connection') as { connectionString?: string } | undefined);

const STATUS_NAMES: Record<number, string> = { 400: 'BadRequestError', 404: 'NotFoundError', 405: 'MethodNotAllowedError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' };

/** An /api answer that is an error without Strapi's JSON body (the router's own 404 and 405): given one. */
function jsonErrorBody(ctx: Context) {
  if (ctx.status < 400 || !ctx.path.startsWith('/api/')) return;
  const body = ctx.body as unknown;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') return;
  ctx.body = {
    data: null,
    error: { status: ctx.status, name: STATUS_NAMES[ctx.status] ?? 'HttpError', message: typeof body === 'string' && body ? body : ctx.message, details: {} },
  };
}

/**
 * The one mapping of domain errors to HTTP answers, for every route (content API and
 * admin). Listed right after `strapi::errors` in the app's middlewares: anything else —
 * Strapi's own errors, http-errors, bugs — goes on to that middleware unchanged, but for
 * database errors that are the client's (see isClientDatabaseError) and filters of a shape the
 * database layer refuses, which become a 400, and a dependency that cannot be reached (the
 * database restarting, file storage down: see errors/unavailable), which becomes a 503 with
 * `Retry-After` — as does every 503 domain error.
 * Every error answer under /api is JSON.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  try {
    await next();
    jsonErrorBody(ctx);
  } catch (thrown) {
    let error = thrown;
    const unavailable = isDomainError(error) ? undefined : unavailableDependency(error, databasePort());
    if (isClientDatabaseError(error)) {
      (globalThis as { strapi?: Core.Strapi }).strapi?.log.warn(`database refused a request value (${error.code}) on ${ctx.method} ${ctx.path}: ${error.message}`);
      error = new InvalidError(error.code === '42703' ? 'The request names a field that does not exist' : 'The request holds a value of the wrong kind for its field (an id that is not a number, a number out of range)');
    } else if (isQueryShapeError(error)) {
      error = new InvalidError(`The query's filters are not valid: ${(error as Error).message}`);
    } else if (unavailable) {
      // a dependency down or restarting is not a bug: the client may try again, and is told when
      (globalThis as { strapi?: Core.Strapi }).strapi?.log.warn(`${ctx.method} ${ctx.path}: the ${unavailable} is unavailable: ${(error as Error).message}`);
      error = new DependencyUnavailableError(unavailable);
    }
    if (!isDomainError(error)) throw error;
    const { status, body } = errorResponse(error);
    ctx.status = status;
    ctx.body = body;
    if (status === 503) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  }
};
