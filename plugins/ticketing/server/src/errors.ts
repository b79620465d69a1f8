import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldDefinitionIssue } from './field-types';

/** A `fields` list that breaks the meta-schema: a 400 whose message names every bad field. */
export function invalidFieldsError(issues: FieldDefinitionIssue[]) {
  const summary = issues.map((i) => `${i.field}${i.path ? `.${i.path}` : ''} ${i.message}`).join('; ');
  return new errors.ValidationError(`Invalid fields: ${summary}`, { errors: issues });
}

/** 409: the request is valid but the ticket has moved on; `details` says where it is now. */
export function conflictError(message: string, details: Record<string, unknown>) {
  return Object.assign(createHttpError(409, message), { details });
}

/**
 * 403 with a message naming the missing right. Strapi's route wrapper replaces a plain
 * ForbiddenError's message with "Forbidden"; a PolicyError (its subclass) is passed through.
 */
export function missingRightError(right: string) {
  return new errors.PolicyError(`Missing right ${right}`, { right });
}

export const { ValidationError, NotFoundError } = errors;
