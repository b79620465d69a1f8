import { fromCondition, newTest, toCondition, withOperator, type ConditionGroup } from './condition-model';
import type { Condition } from './types';

describe('condition editor state ↔ visibleWhen / requiredWhen JSON', () => {
  const stored: [string, Condition][] = [
    ['equals', { field: 'work_type', equals: 'other' }],
    ['in', { field: 'impact', in: ['degraded', 'outage'] }],
    ['a range with both bounds', { field: 'outage_minutes', min: 10, max: 60 }],
    ['a range with a minimum only', { field: 'visit_date', min: '2026-01-01' }],
    ['empty', { field: 'approver_phone', empty: true }],
    ['not empty', { field: 'approver_phone', empty: false }],
    ['all of several tests', { all: [{ field: 'impact', equals: 'outage' }, { field: 'outage_minutes', min: 30 }] }],
    ['any with a nested all', { any: [{ field: 'a', empty: true }, { all: [{ field: 'b', equals: false }, { field: 'c', in: [1, 2] }] }] }],
    ['equals null', { field: 'a', equals: null }],
  ];
  it.each(stored)('%s survives a round trip unchanged', (_name, condition) => {
    expect(toCondition(fromCondition(condition))).toEqual(condition);
  });

  it('shows a single stored test as a group of one, and stores a group of one as the plain test', () => {
    const group = fromCondition({ field: 'impact', equals: 'outage' });
    expect(group).toEqual({ kind: 'group', combine: 'all', items: [{ kind: 'test', field: 'impact', operator: 'equals', value: 'outage' }] });
    const any: ConditionGroup = { ...group!, combine: 'any' };
    expect(toCondition(any)).toEqual({ field: 'impact', equals: 'outage' });
  });

  it('stores nothing for no condition or a group whose tests were all removed', () => {
    expect(fromCondition(undefined)).toBeNull();
    expect(toCondition(null)).toBeUndefined();
    expect(toCondition({ kind: 'group', combine: 'any', items: [] })).toBeUndefined();
    expect(toCondition({ kind: 'group', combine: 'all', items: [{ kind: 'group', combine: 'any', items: [] }, newTest('a')] })).toEqual({
      field: 'a',
      empty: false,
    });
  });

  it('keeps a nested group of one test as a group', () => {
    const nested: Condition = { all: [{ field: 'a', empty: true }, { any: [{ field: 'b', equals: 1 }] }] };
    expect(toCondition(fromCondition(nested))).toEqual(nested);
  });

  it('leaves blank range bounds out', () => {
    expect(toCondition({ kind: 'group', combine: 'all', items: [{ kind: 'test', field: 'n', operator: 'range', min: '', max: 5 }] })).toEqual({ field: 'n', max: 5 });
  });

  it('keeps the operands that fit when the operator changes', () => {
    const equals = { kind: 'test' as const, field: 'impact', operator: 'equals' as const, value: 'outage' };
    expect(withOperator(equals, 'in')).toEqual({ kind: 'test', field: 'impact', operator: 'in', values: ['outage'] });
    expect(withOperator(withOperator(equals, 'in'), 'equals')).toEqual(equals);
    expect(withOperator(equals, 'empty')).toEqual({ kind: 'test', field: 'impact', operator: 'empty' });
  });
});
