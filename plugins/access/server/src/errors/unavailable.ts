import { DomainError } from './domain-errors';

/** Seconds a client is asked to wait before trying again when a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** A service the request needs (the database, file storage) cannot be reached: nothing was done; try again shortly. */
export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
  readonly errorName = 'ServiceUnavailableError';

  constructor(dependency: string) {
    super(`The ${dependency} is unavailable; try again shortly`, { dependency });
  }
}

// the socket never got through or was cut: whoever was called is down or restarting
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutting down, crashed, starting up)
const POSTGRES_DOWN = /^(08[0-9A-Z]{3}|57P0[123])$/;
// what pg and knex throw (without a code) when a connection ends or none can be had; knex puts
// the query before pg's message ("select … - Connection terminated unexpectedly")
const CONNECTION_LOST = /(^|- )(Connection terminated|Client has encountered a connection error|Connection ended unexpectedly|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection)/;

/** `error` and its causes (AggregateError's members too), outermost first. */
function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  yield error as Record<string, unknown>;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const member of errors) yield* chain(member, depth + 1);
}

/** True for an error that means the database cannot be reached right now, not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chain(error)) {
    const { code, message, name } = link;
    if (typeof code === 'string' && POSTGRES_DOWN.test(code) && 'severity' in link) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
  }
  return false;
}

/** True for a network failure reaching any service (a socket refused, reset or timed out). */
function isNetworkFailure(error: unknown): boolean {
  for (const { code, errno, message } of chain(error)) {
    if ((typeof code === 'string' && NETWORK_CODES.has(code)) || (typeof errno === 'string' && NETWORK_CODES.has(errno))) return true;
    // the AWS SDK wraps an error it does not see as an Error (one of another realm) in one that keeps only its message
    if (typeof message === 'string' && /\b((connect|read|write) (ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)|socket hang up)\b/.test(message)) return true;
  }
  return false;
}

/**
 * The dependency `error` says is down — `database` (a PostgreSQL or pool error, or a socket to
 * `databasePort`: its host may be a name, the error's address is an IP), `file storage` (the AWS SDK's errors carry `$metadata`) or another
 * service — or undefined when it is not such an error.
 */
export function unavailableDependency(error: unknown, databasePort?: number): string | undefined {
  if (isDatabaseUnavailable(error)) return 'database';
  if (!isNetworkFailure(error)) return undefined;
  for (const link of chain(error)) {
    if ('$metadata' in link) return 'file storage';
    if (databasePort !== undefined && link.port === databasePort) return 'database';
  }
  return 'service the request needs';
}

/** The port of the app's database connection (config/database's `connectionString` or `port`). */
export function databasePortOf(connection: { connectionString?: string; port?: number | string } | undefined): number | undefined {
  if (connection?.port) return Number(connection.port);
  if (!connection?.connectionString) return undefined;
  try {
    return Number(new URL(connection.connectionString).port || 5432);
  } catch {
    return undefined;
  }
}
