/**
 * What services throw when a request cannot be done. They say what went wrong in the
 * domain's terms; one mapping (middlewares/domain-errors) turns them into Strapi's error
 * body and status, so no service knows about HTTP or Strapi's error classes.
 */
export abstract class DomainError extends Error {
  /** The HTTP status the mapping answers with. */
  abstract readonly status: number;
  /** The error name in Strapi's body (`error.name`), as clients have always seen it. */
  abstract readonly errorName: string;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (or the caller may not know it exists). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly errorName = 'NotFoundError';
}

/** The request is valid but does not fit the current state; `details` says what the state is now. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly errorName = 'ConflictError';
}

/** The caller lacks a right; the message and `details.right` name it. */
export class MissingRightError extends DomainError {
  readonly status = 403;
  // the name Strapi's PolicyError gave these answers before
  readonly errorName = 'PolicyError';

  constructor(readonly right: string) {
    super(`Missing right ${right}`, { right });
  }
}

/** The caller may do this kind of thing, but not to this part of it (a field it may not write); `details` names the part. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly errorName = 'ForbiddenError';
}

/** The input is wrong; `details` may list the fields (`{ errors: [...] }`). */
export class InvalidError extends DomainError {
  readonly status = 400;
  readonly errorName = 'ValidationError';
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
