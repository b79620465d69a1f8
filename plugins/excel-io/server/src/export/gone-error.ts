import { DomainError } from 'strapi-plugin-access';

/** A download whose file the cleanup has removed (or whose time is up): 410. */
export class GoneError extends DomainError {
  readonly status = 410;
  readonly errorName = 'GoneError';
}
