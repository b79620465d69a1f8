import type { TestOperator } from './field-kinds';
import type { Condition } from './types';

/** One test of a condition as the editor shows it: a field, an operator and its operands. */
export interface ConditionTest {
  kind: 'test';
  field: string;
  operator: TestOperator;
  value?: unknown;
  values?: unknown[];
  min?: number | string;
  max?: number | string;
}

/** Tests combined with all/any; groups may nest as deep as the stored JSON does. */
export interface ConditionGroup {
  kind: 'group';
  combine: 'all' | 'any';
  items: ConditionItem[];
}

export type ConditionItem = ConditionTest | ConditionGroup;

function itemOf(condition: Condition): ConditionItem {
  if ('all' in condition) return { kind: 'group', combine: 'all', items: condition.all.map(itemOf) };
  if ('any' in condition) return { kind: 'group', combine: 'any', items: condition.any.map(itemOf) };
  const { field } = condition;
  if ('equals' in condition) return { kind: 'test', field, operator: 'equals', value: condition.equals };
  if ('in' in condition) return { kind: 'test', field, operator: 'in', values: condition.in };
  if ('empty' in condition) return { kind: 'test', field, operator: condition.empty ? 'empty' : 'not-empty' };
  return { kind: 'test', field, operator: 'range', min: condition.min, max: condition.max };
}

/** The editor's view of a stored condition: always a group at the top, null when there is none. */
export function fromCondition(condition: Condition | undefined): ConditionGroup | null {
  if (!condition) return null;
  const item = itemOf(condition);
  return item.kind === 'group' ? item : { kind: 'group', combine: 'all', items: [item] };
}

function testCondition(test: ConditionTest): Condition {
  const { field } = test;
  switch (test.operator) {
    case 'equals':
      return { field, equals: test.value ?? null };
    case 'in':
      return { field, in: test.values ?? [] };
    case 'empty':
      return { field, empty: true };
    case 'not-empty':
      return { field, empty: false };
    case 'range':
      return {
        field,
        ...(test.min !== undefined && test.min !== '' ? { min: test.min } : {}),
        ...(test.max !== undefined && test.max !== '' ? { max: test.max } : {}),
      };
  }
}

function itemCondition(item: ConditionItem): Condition | undefined {
  if (item.kind === 'test') return testCondition(item);
  const parts = item.items.map(itemCondition).filter((c): c is Condition => c !== undefined);
  if (parts.length === 0) return undefined;
  return item.combine === 'all' ? { all: parts } : { any: parts };
}

/**
 * The JSON to store for the editor's state; undefined when no test is left. The top group
 * of one test stores the plain test (it says the same, and reads better); a nested group
 * of one stays a group, so the admin can go on adding to it.
 */
export function toCondition(group: ConditionGroup | null): Condition | undefined {
  const condition = group ? itemCondition(group) : undefined;
  if (condition && 'all' in condition && condition.all.length === 1) return condition.all[0];
  if (condition && 'any' in condition && condition.any.length === 1) return condition.any[0];
  return condition;
}

/** A test of `field` that holds for any value it may have, so a new test is valid at once. */
export const newTest = (field: string): ConditionTest => ({ kind: 'test', field, operator: 'not-empty' });

/** The same test on another operator, keeping the operands that still fit. */
export function withOperator(test: ConditionTest, operator: TestOperator): ConditionTest {
  const base: ConditionTest = { kind: 'test', field: test.field, operator };
  if (operator === 'equals') return { ...base, value: test.value ?? test.values?.[0] };
  if (operator === 'in') return { ...base, values: test.values ?? (test.value !== undefined ? [test.value] : []) };
  if (operator === 'range') return { ...base, min: test.min, max: test.max };
  return base;
}
