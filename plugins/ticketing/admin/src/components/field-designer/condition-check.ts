import { comparable, operatorsFor, valueShape } from './field-kinds';
import type { Condition, FieldDefinition, FieldTypeInfo } from './types';

export interface RuleIssue {
  path: 'visibleWhen' | 'requiredWhen' | 'after' | 'access';
  message: string;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

function testIssues(condition: Condition, owner: FieldDefinition, fields: FieldDefinition[], types: FieldTypeInfo[]): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => testIssues(c, owner, fields, types));
  if ('any' in condition) return condition.any.flatMap((c) => testIssues(c, owner, fields, types));
  if (condition.field === owner.key) return ['a field cannot depend on itself'];
  const tested = fields.find((f) => f.key === condition.field);
  if (!tested) return [`"${condition.field}" is not a field of this type`];
  const shape = valueShape(tested, types);
  const operator = 'equals' in condition ? 'equals' : 'in' in condition ? 'in' : 'empty' in condition ? 'empty' : 'range';
  if (operator !== 'empty' && !operatorsFor(shape).includes(operator)) {
    return [`"${tested.key}" (${tested.type}) cannot be tested with "${operator}"`];
  }
  if ('equals' in condition && isBlank(condition.equals)) return [`the test on "${tested.key}" needs a value`];
  if ('in' in condition && condition.in.length === 0) return [`the test on "${tested.key}" needs at least one value`];
  if (operator === 'range') {
    const { min, max } = condition as { min?: number | string; max?: number | string };
    if (isBlank(min) && isBlank(max)) return [`the range on "${tested.key}" needs a minimum or a maximum`];
    if (!isBlank(min) && !isBlank(max) && (min as number) > (max as number)) return [`the range on "${tested.key}" has its minimum above its maximum`];
  }
  return [];
}

/**
 * What is wrong with a field's conditions, `after` and access, found in the browser so the
 * editor can say it beside the input; the server checks the same (and the values) on save.
 */
export function fieldRuleIssues(field: FieldDefinition, fields: FieldDefinition[], types: FieldTypeInfo[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const path of ['visibleWhen', 'requiredWhen'] as const) {
    const condition = field[path];
    if (condition) issues.push(...testIssues(condition, field, fields, types).map((message) => ({ path, message })));
  }
  if (field.after !== undefined) {
    const earlier = fields.find((f) => f.key === field.after);
    if (field.after === field.key) issues.push({ path: 'after', message: 'a field cannot be after itself' });
    else if (!earlier) issues.push({ path: 'after', message: `"${field.after}" is not a field of this type` });
    else if (!comparable(valueShape(field, types), valueShape(earlier, types))) {
      issues.push({ path: 'after', message: `"${field.key}" and "${earlier.key}" must both be numbers, both dates or both date-times` });
    }
  }
  const { read, write } = field.access ?? {};
  const unreadable = read && write ? write.filter((role) => !read.includes(role)) : [];
  if (unreadable.length) issues.push({ path: 'access', message: `${unreadable.join(', ')} may write but not read this field` });
  return issues;
}
