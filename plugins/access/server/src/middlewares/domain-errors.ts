import type { Core } from '@strapi/strapi';
import { isDomainError } from '../errors/domain-errors';
import { errorResponse } from '../errors/error-body';

/**
 * The one mapping of domain errors to HTTP answers, for every route (content API and
 * admin). Listed right after `strapi::errors` in the app's middlewares: anything else —
 * Strapi's own errors, http-errors, bugs — goes on to that middleware unchanged.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const { status, body } = errorResponse(error);
    ctx.status = status;
    ctx.body = body;
  }
};
