import { ConflictError, InvalidError, MissingRightError, NotFoundError } from '../errors/domain-errors';
import domainErrors from './domain-errors';

/** Runs the mapping around a handler that throws `error`; returns what the context holds. */
async function answerTo(error: unknown) {
  const ctx = { status: 404, body: undefined as unknown };
  await domainErrors()(ctx as never, async () => {
    throw error;
  });
  return { status: ctx.status, body: ctx.body };
}

describe('the domain-error mapping', () => {
  it.each([
    [new NotFoundError('Ticket x not found'), 404, 'NotFoundError', {}],
    [new ConflictError('Ticket x is at version 3, not 2', { version: 3 }), 409, 'ConflictError', { version: 3 }],
    [new MissingRightError('tickets.create'), 403, 'PolicyError', { right: 'tickets.create' }],
    [new InvalidError('Invalid form: pci: must be <= 1007', { errors: [{ field: 'pci' }] }), 400, 'ValidationError', { errors: [{ field: 'pci' }] }],
  ])('answers %s with Strapi’s error body', async (error, status, name, details) => {
    expect(await answerTo(error)).toEqual({ status, body: { data: null, error: { status, name, message: error.message, details } } });
  });

  it('names the right in the message', () => {
    expect(new MissingRightError('transition:draft->closed').message).toBe('Missing right transition:draft->closed');
  });

  it('leaves every other error to Strapi’s errors middleware', async () => {
    const strapiError = Object.assign(new Error('Unknown locale'), { name: 'ValidationError' });
    await expect(answerTo(strapiError)).rejects.toBe(strapiError);
  });

  it('answers a value the database cannot hold (class 22) or a column that does not exist with a 400; other database errors stay errors', async () => {
    const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code, severity: 'ERROR' });
    for (const code of ['22P02', '22003', '42703']) {
      const answer = await answerTo(pgError(code));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    }
    const unique = pgError('23505');
    await expect(answerTo(unique)).rejects.toBe(unique);
    // a thrown object that merely carries such a code is not the database's
    const lookalike = Object.assign(new Error('x'), { code: '22P02' });
    await expect(answerTo(lookalike)).rejects.toBe(lookalike);
  });

  it('answers a dependency that cannot be reached with a 503 naming it and Retry-After; a failing query stays an error', async () => {
    const answer = async (error: unknown) => {
      const headers: Record<string, string> = {};
      const ctx = { status: 404, body: undefined as unknown, method: 'GET', path: '/api/x', set: (name: string, value: string) => (headers[name] = value) };
      await domainErrors()(ctx as never, async () => {
        throw error;
      });
      return { status: ctx.status, body: ctx.body, retryAfter: headers['Retry-After'] };
    };
    const pg = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
    const database = [
      pg('57P01', 'terminating connection due to administrator command'),
      pg('57P03', 'the database system is starting up'),
      pg('08006', 'connection failure'),
      new Error('Connection terminated unexpectedly'),
      new Error('select "t0".* from "up_users" as "t0" limit $1 - Connection terminated unexpectedly'),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
      Object.assign(new Error('wrapped'), { cause: new Error('Connection terminated') }),
    ];
    for (const error of database) {
      expect(await answer(error)).toEqual({
        status: 503,
        retryAfter: '5',
        body: { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly', details: { dependency: 'database' } } },
      });
    }
    const storage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } });
    expect(await answer(storage)).toMatchObject({ status: 503, retryAfter: '5', body: { error: { details: { dependency: 'file storage' } } } });
    const other = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED', port: 8000 });
    expect(await answer(other)).toMatchObject({ status: 503, body: { error: { message: 'The service the request needs is unavailable; try again shortly' } } });
    // a query the database refuses is not the database being down
    const unique = pg('23505', 'duplicate key value violates unique constraint');
    await expect(answer(unique)).rejects.toBe(unique);
  });

  it("answers a filter of a shape the database layer refuses with a 400 (Users & Permissions turns query keys into filters)", async () => {
    const shape = new Error('Undefined attribute level operator b');
    shape.stack = `Error: ${shape.message}\n    at processSingleAttributeWhere (/app/node_modules/@strapi/database/dist/query/helpers/where.js:34:19)`;
    expect(await answerTo(shape)).toMatchObject({ status: 400, body: { error: { message: "The query's filters are not valid: Undefined attribute level operator b" } } });
    // the same words thrown elsewhere are not the database layer's
    const elsewhere = new Error('Undefined attribute level operator b');
    await expect(answerTo(elsewhere)).rejects.toBe(elsewhere);
  });

  it("gives the router's plain-text error answers under /api Strapi's JSON error body", async () => {
    const ctx = { status: 405, body: 'Method Not Allowed' as unknown, path: '/api/roles/x', message: 'Method Not Allowed' };
    await domainErrors()(ctx as never, async () => undefined);
    expect(ctx.body).toEqual({ data: null, error: { status: 405, name: 'MethodNotAllowedError', message: 'Method Not Allowed', details: {} } });
    const admin = { status: 404, body: '<html></html>' as unknown, path: '/admin/x', message: 'Not Found' };
    await domainErrors()(admin as never, async () => undefined);
    expect(admin.body).toBe('<html></html>');
  });
});
