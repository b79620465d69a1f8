import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { rulesObjectSchema } from './field-rules';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/** A mainland China mobile number: 11 digits, 1 then 3–9. */
export const CN_MOBILE_PATTERN = '^1[3-9]\\d{9}$';
// Separators people type inside numbers: spaces, dashes, dots, parentheses.
const SEPARATORS = /[\s\-.()]/g;
const WITH_COUNTRY_CODE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** A CN mobile number, stored as its 11 digits; reads `+86 138-1234-5678`, `０１３８…` style input. */
export const phoneFieldType: FieldType<string> = {
  name: 'phone',
  label: { 'zh-CN': '手机号码', en: 'Mobile phone' },
  rulesSchema: rulesObjectSchema({}),
  schema: () => ({ type: 'string', pattern: CN_MOBILE_PATTERN }),
  uiSchema: () => ({ 'ui:inputType': 'tel' }),
  parse: (input) => {
    if (isBlank(input)) return ok(null);
    // Excel stores an unformatted number cell as a number.
    const text = typeof input === 'number' && Number.isSafeInteger(input) ? String(input) : input;
    if (typeof text !== 'string') return fail(`not a CN mobile number: ${quoteInput(input)}`);
    const match = WITH_COUNTRY_CODE.exec(normalizeText(text).replace(SEPARATORS, ''));
    return match ? ok(match[1]) : fail(`not a CN mobile number: ${quoteInput(input)}`);
  },
  format: (value) => value ?? null,
  valueKind: valueKinds.freeText,
  filterInput: 'search',
  freeText: false,
  examples: { rules: {}, values: ['13812345678', '19900001111'], invalid: '12345678901' },
};
