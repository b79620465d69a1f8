import type { FieldTypeRegistry } from './registry';
import type { FieldCondition, FieldDefinition, JsonSchema } from './types';

type Fields = ReadonlyMap<string, FieldDefinition>;

const isAll = (c: FieldCondition): c is { all: FieldCondition[] } => 'all' in c;
const isAny = (c: FieldCondition): c is { any: FieldCondition[] } => 'any' in c;

/** The keys of the fields a condition tests. */
export function conditionFields(condition: FieldCondition): string[] {
  if (isAll(condition)) return condition.all.flatMap(conditionFields);
  if (isAny(condition)) return condition.any.flatMap(conditionFields);
  return [condition.field];
}

/** Value kinds whose values a range or `after` can order: numbers, and ISO dates and date-times. */
const NUMERIC_CASTS = new Set(['bigint', 'float8']);
const isMoment = (registry: FieldTypeRegistry, field: FieldDefinition) => registry.require(field.type).valueKind.name === 'ordered-text';
const isNumeric = (registry: FieldTypeRegistry, field: FieldDefinition) =>
  NUMERIC_CASTS.has(registry.require(field.type).valueKind.cast);

/** The field's own `format` (date, date-time), which ajv's formatMinimum/formatMaximum compare by. */
const formatOf = (registry: FieldTypeRegistry, field: FieldDefinition) => registry.require(field.type).schema(field, 'en').format;

/**
 * A condition as a JSON Schema an `if` can hold, so that ajv on the server and RJSF in the
 * browser decide it alike. A tested field that is absent (blank) never equals, is never in
 * a list or range, and is empty.
 */
export function compileCondition(condition: FieldCondition, fields: Fields, registry: FieldTypeRegistry): JsonSchema {
  if (isAll(condition)) return { allOf: condition.all.map((c) => compileCondition(c, fields, registry)) };
  if (isAny(condition)) return { anyOf: condition.any.map((c) => compileCondition(c, fields, registry)) };
  const key = condition.field;
  const present = (value: JsonSchema): JsonSchema => ({ properties: { [key]: value }, required: [key] });
  if ('empty' in condition) return condition.empty ? { not: { required: [key] } } : { required: [key] };
  if ('equals' in condition) return present({ const: condition.equals });
  if ('in' in condition) return present({ enum: condition.in });
  const field = fields.get(key);
  if (field && isMoment(registry, field)) {
    return present({
      format: formatOf(registry, field),
      ...(condition.min !== undefined ? { formatMinimum: condition.min } : {}),
      ...(condition.max !== undefined ? { formatMaximum: condition.max } : {}),
    });
  }
  return present({
    ...(condition.min !== undefined ? { minimum: condition.min } : {}),
    ...(condition.max !== undefined ? { maximum: condition.max } : {}),
  });
}

/** What is wrong with one test of a condition on `owner`; empty when nothing. */
function testIssues(condition: FieldCondition, owner: FieldDefinition, fields: Fields, registry: FieldTypeRegistry): string[] {
  if (isAll(condition)) return condition.all.flatMap((c) => testIssues(c, owner, fields, registry));
  if (isAny(condition)) return condition.any.flatMap((c) => testIssues(c, owner, fields, registry));
  const tested = fields.get(condition.field);
  if (condition.field === owner.key) return [`cannot test the field itself (${owner.key})`];
  if (!tested) return [`tests "${condition.field}", which is not a field of this type`];
  const badValue = (value: unknown) => {
    const message = registry.check(tested, value, 'en');
    return message ? [`${JSON.stringify(value)} is not a value of "${tested.key}": ${message}`] : [];
  };
  if ('equals' in condition) return badValue(condition.equals);
  if ('in' in condition) return condition.in.flatMap(badValue);
  if ('empty' in condition) return [];
  const bounds = [condition.min, condition.max].filter((b) => b !== undefined);
  if (isNumeric(registry, tested)) {
    return bounds.some((b) => typeof b !== 'number') ? [`a range on "${tested.key}" needs number bounds`] : [];
  }
  if (isMoment(registry, tested)) return bounds.flatMap(badValue);
  return [`"${tested.key}" (${tested.type}) has no order: a range cannot test it`];
}

/**
 * Problems with a field's conditions and `after`, given every field of its type: tests must
 * name other fields of the type with values those fields can hold, `after` an orderable field
 * of the same kind.
 */
export function conditionIssues(field: FieldDefinition, fields: Fields, registry: FieldTypeRegistry): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const path of ['visibleWhen', 'requiredWhen'] as const) {
    const condition = field[path];
    if (condition) issues.push(...testIssues(condition, field, fields, registry).map((message) => ({ path, message })));
  }
  if (field.after !== undefined) {
    const earlier = fields.get(field.after);
    const comparable = (a: FieldDefinition, b: FieldDefinition) =>
      (isNumeric(registry, a) && isNumeric(registry, b)) || (isMoment(registry, a) && a.type === b.type);
    if (field.after === field.key) issues.push({ path: 'after', message: 'cannot name the field itself' });
    else if (!earlier) issues.push({ path: 'after', message: `names "${field.after}", which is not a field of this type` });
    else if (!comparable(field, earlier)) {
      issues.push({ path: 'after', message: `"${field.key}" and "${earlier.key}" must both be numbers, both dates or both date-times` });
    }
  }
  return issues;
}
