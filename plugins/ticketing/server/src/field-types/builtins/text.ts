import type { FieldType } from '../types';
import { checkOrder, checkPattern, pickRules, textRulesSchema } from './field-rules';
import { parseLooseString } from './loose-string';

/** A multi-line text (a textarea); line breaks are kept as `\n`. */
export const textFieldType: FieldType<string> = {
  name: 'text',
  label: { 'zh-CN': '多行文本', en: 'Multi-line text' },
  rulesSchema: textRulesSchema,
  checkRules: (rules) => [...checkOrder(rules, 'minLength', 'maxLength'), ...checkPattern(rules)],
  schema: (field) => ({ type: 'string', ...pickRules(field, ['minLength', 'maxLength', 'pattern']) }),
  uiSchema: () => ({ 'ui:widget': 'textarea' }),
  parse: (input) => parseLooseString(input, true),
  format: (value) => value ?? null,
};
