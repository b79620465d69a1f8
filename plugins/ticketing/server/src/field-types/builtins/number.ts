import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { checkOrder, pickRules, rangeRulesSchema } from './field-rules';
import { parseLooseNumber } from './loose-number';

/** A decimal number (coordinates, heights), limited by minimum and maximum. */
export const numberFieldType: FieldType<number> = {
  name: 'number',
  label: { 'zh-CN': '数值', en: 'Number' },
  rulesSchema: rangeRulesSchema('number'),
  checkRules: (rules) => checkOrder(rules, 'minimum', 'maximum'),
  schema: (field) => ({ type: 'number', ...pickRules(field, ['minimum', 'maximum']) }),
  uiSchema: () => ({}),
  parse: (input) => parseLooseNumber(input),
  format: (value) => value ?? null,
  valueKind: valueKinds.decimal,
  filterInput: 'decimal-range',
  freeText: false,
  examples: { rules: { minimum: -180, maximum: 180 }, values: [-73.25, 0, 121.5], invalid: 180.5 },
};
