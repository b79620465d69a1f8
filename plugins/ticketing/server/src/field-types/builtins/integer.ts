import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { checkOrder, pickRules, rangeRulesSchema } from './field-rules';
import { parseLooseNumber } from './loose-number';
import { quoteInput } from './loose-text';
import { fail } from './parse-result';

/** A whole number (a safe JS integer), limited by minimum and maximum. */
export const integerFieldType: FieldType<number> = {
  name: 'integer',
  label: { 'zh-CN': '整数', en: 'Integer' },
  rulesSchema: rangeRulesSchema('integer'),
  checkRules: (rules) => checkOrder(rules, 'minimum', 'maximum'),
  schema: (field) => ({ type: 'integer', ...pickRules(field, ['minimum', 'maximum']) }),
  uiSchema: () => ({}),
  parse: (input) => {
    const result = parseLooseNumber(input);
    if (!result.ok || result.value === null || Number.isSafeInteger(result.value)) return result;
    return fail(`not an integer: ${quoteInput(input)}`);
  },
  format: (value) => value ?? null,
  valueKind: valueKinds.wholeNumber,
  filterInput: 'whole-range',
  freeText: false,
  examples: { rules: { minimum: 0, maximum: 1007 }, values: [0, 387, 1007], invalid: 1008 },
};
