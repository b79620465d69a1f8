import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { checkOrder, checkPattern, pickRules, textRulesSchema } from './field-rules';
import { parseLooseString } from './loose-string';

/** A single-line text, limited by minLength, maxLength and pattern. */
export const stringFieldType: FieldType<string> = {
  name: 'string',
  label: { 'zh-CN': '单行文本', en: 'Text' },
  rulesSchema: textRulesSchema,
  checkRules: (rules) => [...checkOrder(rules, 'minLength', 'maxLength'), ...checkPattern(rules)],
  schema: (field) => ({ type: 'string', ...pickRules(field, ['minLength', 'maxLength', 'pattern']) }),
  uiSchema: () => ({}),
  parse: (input) => parseLooseString(input, false),
  format: (value) => value ?? null,
  valueKind: valueKinds.freeText,
  filterInput: 'search',
  freeText: true,
  examples: { rules: { maxLength: 64, pattern: '^[^#]*$' }, values: ['浦东张江基站01', 'Site A-7'], invalid: 'site #1' },
};
