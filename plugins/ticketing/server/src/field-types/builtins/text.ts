import { valueKinds } from '../value-kinds';
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
  valueKind: valueKinds.freeText,
  filterInput: 'search',
  freeText: true,
  examples: { rules: { maxLength: 2000 }, values: ['光缆被挖断，已通知线路组', 'Fibre cut near the gate'], invalid: 'x'.repeat(2001) },
};
