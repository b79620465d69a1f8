import { InvalidError } from 'strapi-plugin-access';
import type { FieldDefinitionIssue } from './field-types';

/** A `fields` list that breaks the meta-schema: a 400 whose message names every bad field. */
export function invalidFieldsError(issues: FieldDefinitionIssue[]) {
  const summary = issues.map((i) => `${i.field}${i.path ? `.${i.path}` : ''} ${i.message}`).join('; ');
  return new InvalidError(`Invalid fields: ${summary}`, { errors: issues });
}
