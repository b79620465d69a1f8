import type { FieldDefinition, FieldTypeInfo } from './types';

/**
 * What a condition or `after` can do with a field, told by its type's filter control
 * (`filterInput` from GET /ticketing/field-types), so plugin types need no designer code.
 */
export type ValueShape = 'text' | 'options' | 'multi-options' | 'integer' | 'number' | 'date' | 'date-time' | 'boolean' | 'opaque';

const SHAPES: Record<string, ValueShape> = {
  search: 'text',
  'any-of': 'options',
  has: 'multi-options',
  'whole-range': 'integer',
  'decimal-range': 'number',
  'day-range': 'date',
  'moment-range': 'date-time',
  'yes-no': 'boolean',
};

export function valueShape(field: FieldDefinition | undefined, types: FieldTypeInfo[]): ValueShape {
  const input = types.find((t) => t.name === field?.type)?.filterInput;
  return (input && SHAPES[input]) || 'opaque';
}

export type TestOperator = 'equals' | 'in' | 'range' | 'empty' | 'not-empty';

const OPERATORS: Record<ValueShape, TestOperator[]> = {
  text: ['equals', 'in', 'empty', 'not-empty'],
  options: ['equals', 'in', 'empty', 'not-empty'],
  'multi-options': ['empty', 'not-empty'],
  integer: ['equals', 'in', 'range', 'empty', 'not-empty'],
  number: ['equals', 'in', 'range', 'empty', 'not-empty'],
  date: ['equals', 'range', 'empty', 'not-empty'],
  'date-time': ['range', 'empty', 'not-empty'],
  boolean: ['equals', 'empty', 'not-empty'],
  opaque: ['empty', 'not-empty'],
};

/** The tests that fit a field's values. */
export const operatorsFor = (shape: ValueShape): TestOperator[] => OPERATORS[shape];

const isNumeric = (shape: ValueShape) => shape === 'integer' || shape === 'number';

/** Whether `later` may name `earlier` in `after`: both numbers, or both dates, or both date-times. */
export function comparable(later: ValueShape, earlier: ValueShape): boolean {
  if (isNumeric(later)) return isNumeric(earlier);
  return (later === 'date' || later === 'date-time') && later === earlier;
}

/** The enum options of a field (`rules.options`), for value pickers. */
export function optionsOf(field: FieldDefinition | undefined): { value: string; label: Record<string, string> }[] {
  const options = field?.rules?.options;
  return Array.isArray(options) ? (options as { value: string; label: Record<string, string> }[]) : [];
}
