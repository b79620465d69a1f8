import type { Condition, FieldDefinition } from './types';

function renameIn(condition: Condition, from: string, to: string): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => renameIn(c, from, to)) };
  if ('any' in condition) return { any: condition.any.map((c) => renameIn(c, from, to)) };
  return condition.field === from ? { ...condition, field: to } : condition;
}

/**
 * The fields after one key changed from `from` to `to`: the conditions and `after` rules of
 * the other fields follow it, so renaming a field does not break the rules that name it.
 */
export function renameField(fields: FieldDefinition[], from: string, to: string): FieldDefinition[] {
  if (from === to) return fields;
  return fields.map((f) => {
    if (f.key === to) return f;
    const next = { ...f };
    if (f.visibleWhen) next.visibleWhen = renameIn(f.visibleWhen, from, to);
    if (f.requiredWhen) next.requiredWhen = renameIn(f.requiredWhen, from, to);
    if (f.after === from) next.after = to;
    return next;
  });
}
