import { errors } from '@strapi/utils';
import type { FieldDefinitionIssue } from './field-types';

/** A `fields` list that breaks the meta-schema: a 400 whose message names every bad field. */
export function invalidFieldsError(issues: FieldDefinitionIssue[]) {
  const summary = issues.map((i) => `${i.field}${i.path ? `.${i.path}` : ''} ${i.message}`).join('; ');
  return new errors.ValidationError(`Invalid fields: ${summary}`, { errors: issues });
}

export const { ValidationError, NotFoundError } = errors;
