import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { checkOptions, EXAMPLE_OPTIONS, fieldOptions, optionLabel, optionsRuleSchema, parseOption } from './enum-options';
import { rulesObjectSchema } from './field-rules';

/** One choice out of the field's options; stored as the option's token, read from token or label. */
export const enumFieldType: FieldType<string> = {
  name: 'enum',
  label: { 'zh-CN': '单选', en: 'Single choice' },
  rulesSchema: rulesObjectSchema({ options: optionsRuleSchema }, ['options']),
  checkRules: (rules) => checkOptions(rules),
  schema: (field, locale) => {
    const options = fieldOptions(field);
    // draft-07 forbids an empty oneOf; a field without options is refused by rulesSchema anyway.
    if (options.length === 0) return { type: 'string' };
    return { type: 'string', oneOf: options.map((o) => ({ const: o.value, title: optionLabel(o, locale) })) };
  },
  uiSchema: () => ({}),
  parse: (input, field) => parseOption(input, fieldOptions(field)),
  format: (value, field, locale) => {
    if (value === null || value === undefined) return null;
    const option = fieldOptions(field).find((o) => o.value === value);
    return option ? optionLabel(option, locale) : value;
  },
  valueKind: valueKinds.choice,
  filterInput: 'any-of',
  freeText: false,
  examples: { rules: { options: EXAMPLE_OPTIONS }, values: ['critical', 'minor'], invalid: 'unknown' },
};
