import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { rulesObjectSchema } from './field-rules';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

// Compared after NFKC and lower-casing.
const TRUE_WORDS = new Set(['true', '1', '是', '有', 'yes', 'y', '√', '✓', '✔', 'on']);
const FALSE_WORDS = new Set(['false', '0', '否', '无', 'no', 'n', '×', '✗', '✘', 'off']);

const YES_NO = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] } as const;

/** A yes/no answer; reads 是/否, 有/无, yes/no, 1/0, √/× and the like. */
export const booleanFieldType: FieldType<boolean> = {
  name: 'boolean',
  label: { 'zh-CN': '是/否', en: 'Yes/No' },
  rulesSchema: rulesObjectSchema({}),
  schema: (_field, locale) => ({
    type: 'boolean',
    oneOf: [
      { const: true, title: YES_NO[locale][0] },
      { const: false, title: YES_NO[locale][1] },
    ],
  }),
  // Radio buttons, unlike a checkbox, can show "not answered".
  uiSchema: () => ({ 'ui:widget': 'radio' }),
  parse: (input) => {
    if (isBlank(input)) return ok(null);
    if (typeof input === 'boolean') return ok(input);
    if (typeof input === 'number' || typeof input === 'string') {
      const word = normalizeText(String(input)).toLowerCase();
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
    }
    return fail(`not a yes/no value: ${quoteInput(input)}`);
  },
  format: (value, _field, locale) => (value === null || value === undefined ? null : YES_NO[locale][value ? 0 : 1]),
  valueKind: valueKinds.yesNo,
  filterInput: 'yes-no',
  freeText: false,
  examples: { rules: {}, values: [true, false] },
};
