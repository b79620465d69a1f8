import type { FieldDefinition } from '../field-types';

const imageFields = (fields: FieldDefinition[]) => fields.filter((f) => f.type === 'images');

/** The form without photo `id` in any images field; the same object when nothing changed. */
export function withoutPhotos(form: Record<string, unknown>, fields: FieldDefinition[], id: string): Record<string, unknown> {
  let changed: Record<string, unknown> | null = null;
  for (const field of imageFields(fields)) {
    const ids = form[field.key];
    if (!Array.isArray(ids) || !ids.includes(id)) continue;
    const kept = ids.filter((x) => x !== id);
    changed ??= { ...form };
    changed[field.key] = kept.length ? kept : null;
  }
  return changed ?? form;
}

/** One error per images field that names a photo the ticket does not have. */
export function unknownPhotoErrors(form: Record<string, unknown>, fields: FieldDefinition[], photoIds: string[]) {
  const known = new Set(photoIds);
  return imageFields(fields).flatMap((field) => {
    const ids = form[field.key];
    const unknown = Array.isArray(ids) ? ids.filter((id) => !known.has(id as string)) : [];
    return unknown.length ? [{ field: field.key, message: `not photos of this ticket: ${unknown.join(', ')}` }] : [];
  });
}
