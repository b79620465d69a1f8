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
});
