import type { FieldDefinition } from './types';

/**
 * Per-field rights. `role` is the caller's Users & Permissions role type; null is the system
 * (jobs, seeds), which may do everything. A field without a list leaves it to the type-level
 * rights (config/roles.yaml), which the routes have already checked.
 */
export function canReadField(field: FieldDefinition, role: string | null): boolean {
  const readers = field.access?.read;
  return role === null || !readers || readers.includes(role);
}

/** A role that may not read a field may not write it either. */
export function canWriteField(field: FieldDefinition, role: string | null): boolean {
  const writers = field.access?.write;
  return canReadField(field, role) && (role === null || !writers || writers.includes(role));
}

/** The part of a form `role` may read: every other field's value left out. */
export function readableForm(form: Record<string, unknown>, fields: readonly FieldDefinition[], role: string | null): Record<string, unknown> {
  if (role === null || fields.every((f) => canReadField(f, role))) return form;
  const hidden = new Set(fields.filter((f) => !canReadField(f, role)).map((f) => f.key));
  return Object.fromEntries(Object.entries(form).filter(([key]) => !hidden.has(key)));
}
