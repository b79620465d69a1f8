import type { ErrorSchema } from '@rjsf/utils';
import { ApiError, type FieldError } from '../../../../api/api-error';

/** A 400 split into what goes under form fields (RJSF `extraErrors`) and what has no field. */
export interface MappedErrors {
  errorSchema: ErrorSchema;
  /** Messages for no known field, shown above the form. */
  general: string[];
}

const isFieldError = (value: unknown): value is FieldError =>
  !!value && typeof (value as FieldError).field === 'string' && typeof (value as FieldError).message === 'string';

/**
 * Maps the server's 400 (`details.errors: [{ field, label, message }]`) onto the form: each
 * message under its field (a nested path like `photos/0` or `a.b` under the nested field),
 * and messages for fields the form does not have — or a 400 without field errors — to `general`.
 */
export function mapServerErrors(error: ApiError, knownFields: string[]): MappedErrors {
  const errorSchema: Record<string, unknown> = {};
  const general: string[] = [];
  const list = Array.isArray(error.details.errors) ? error.details.errors.filter(isFieldError) : [];
  if (list.length === 0) return { errorSchema: {}, general: [error.message] };
  for (const item of list) {
    const path = item.field.split(/[./]/).filter(Boolean);
    if (path.length === 0 || !knownFields.includes(path[0])) {
      general.push(item.label ? `${item.label}: ${item.message}` : item.field ? `${item.field}: ${item.message}` : item.message);
      continue;
    }
    let node = errorSchema;
    for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(item.message);
  }
  return { errorSchema: errorSchema as ErrorSchema, general };
}
