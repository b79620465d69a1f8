import { valueKinds } from '../value-kinds';
import type { FieldType, JsonSchema } from '../types';
import { checkOptions, EXAMPLE_OPTIONS, fieldOptions, matchOption, optionLabel, optionsRuleSchema, parseOption } from './enum-options';
import { checkOrder, pickRules, rulesObjectSchema } from './field-rules';
import { isBlank, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

// NFKC is applied per item, so full-width ，；｜ are split here in their half-width form too.
const ITEM_SEPARATORS = /[,，、;；/|｜\r\n]+/;
// Up to this many options show as checkboxes; more as a multi-select list.
const MAX_CHECKBOXES = 8;
const JOINERS = { 'zh-CN': '、', en: ', ' } as const;

/** Splits loose input into items: an array as it is, a string on commas, 、, semicolons, / | and new lines. */
function itemsOf(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (typeof input === 'string') return input.normalize('NFKC').split(ITEM_SEPARATORS).map((item) => item.trim());
  return undefined;
}

/** Any number of choices out of the field's options; stored as tokens in input order, without repeats. */
export const multiEnumFieldType: FieldType<string[]> = {
  name: 'multi-enum',
  label: { 'zh-CN': '多选', en: 'Multiple choice' },
  rulesSchema: rulesObjectSchema(
    { options: optionsRuleSchema, minItems: { type: 'integer', minimum: 0 }, maxItems: { type: 'integer', minimum: 1 } },
    ['options'],
  ),
  checkRules: (rules) => {
    const messages = [...checkOptions(rules), ...checkOrder(rules, 'minItems', 'maxItems')];
    const count = Array.isArray(rules.options) ? rules.options.length : 0;
    if (typeof rules.minItems === 'number' && rules.minItems > count) {
      messages.push('minItems must not be greater than the number of options.');
    }
    return messages;
  },
  schema: (field, locale) => {
    const options = fieldOptions(field);
    const items: JsonSchema = { type: 'string' };
    if (options.length > 0) items.anyOf = options.map((o) => ({ const: o.value, title: optionLabel(o, locale) }));
    return { type: 'array', uniqueItems: true, items, ...pickRules(field, ['minItems', 'maxItems']) };
  },
  uiSchema: (field) => (fieldOptions(field).length <= MAX_CHECKBOXES ? { 'ui:widget': 'checkboxes' } : {}),
  parse: (input, field) => {
    if (isBlank(input)) return ok(null);
    const options = fieldOptions(field);
    // A label may itself contain a separator ("传输/电源"): try the whole text first.
    const whole = typeof input === 'string' ? matchOption(input, options) : undefined;
    if (whole) return ok([whole.value]);
    const items = itemsOf(input);
    if (!items) return fail(`not a list of options: ${quoteInput(input)}`);
    const values: string[] = [];
    const unknown: string[] = [];
    for (const item of items) {
      const result = parseOption(item, options);
      if (!result.ok) unknown.push(quoteInput(item));
      else if (result.value !== null && !values.includes(result.value)) values.push(result.value);
    }
    if (unknown.length > 0) return fail(`unknown options: ${unknown.join(', ')}`);
    return ok(values.length > 0 ? values : null);
  },
  format: (value, field, locale) => {
    if (!Array.isArray(value) || value.length === 0) return null;
    const options = fieldOptions(field);
    const labels = value.map((token) => {
      const option = options.find((o) => o.value === token);
      return option ? optionLabel(option, locale) : token;
    });
    return labels.join(JOINERS[locale]);
  },
  valueKind: valueKinds.list,
  filterInput: 'has',
  freeText: false,
  examples: { rules: { options: EXAMPLE_OPTIONS, maxItems: 2 }, values: [['critical'], ['minor', 'critical']], invalid: ['critical', 'major', 'minor'] },
};
