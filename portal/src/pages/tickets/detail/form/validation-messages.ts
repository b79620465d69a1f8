import type { RJSFValidationError } from '@rjsf/utils';
import type { Locale } from '../../../../i18n/locale';

type Params = Record<string, unknown>;
type Text = (p: Params) => string;

// the wording follows the server's (ajv-i18n) so client and server errors read alike
const ZH: Record<string, Text> = {
  required: () => '必填',
  minimum: (p) => `应当 >= ${p.limit}`,
  maximum: (p) => `应当 <= ${p.limit}`,
  exclusiveMinimum: (p) => `应当 > ${p.limit}`,
  exclusiveMaximum: (p) => `应当 < ${p.limit}`,
  minLength: (p) => `不应少于 ${p.limit} 个字符`,
  maxLength: (p) => `不应多于 ${p.limit} 个字符`,
  maxItems: (p) => `不应多于 ${p.limit} 项`,
  minItems: (p) => `不应少于 ${p.limit} 项`,
  uniqueItems: () => '不应有重复项',
  pattern: () => '格式不正确',
  format: (p) => (p.format === 'date' ? '应当是日期' : p.format === 'date-time' ? '应当是日期时间' : `应当匹配格式 ${p.format}`),
  type: (p) => (p.type === 'integer' ? '应当是整数' : p.type === 'number' ? '应当是数字' : `应当是 ${p.type} 类型`),
  enum: () => '应当是预设值之一',
  const: () => '应当是预设值之一',
  oneOf: () => '应当是预设值之一',
};

const EN: Record<string, Text> = {
  required: () => 'is required',
  pattern: () => 'has the wrong format',
  oneOf: () => 'must be one of the choices',
};

/**
 * RJSF's client-side errors (ajv's English) in the UI language. An error the table lacks keeps
 * ajv's message. `oneOf`/`const` pairs from an enum's choices are folded into one message.
 */
export function localizeErrors(errors: RJSFValidationError[], locale: Locale): RJSFValidationError[] {
  const table = locale === 'zh-CN' ? ZH : EN;
  // an invalid enum value fails `const` against every choice and then `oneOf`: keep one
  const oneOfProperties = new Set(errors.filter((e) => e.name === 'oneOf').map((e) => e.property));
  return errors
    .filter((error) => !(error.name === 'const' && oneOfProperties.has(error.property)))
    .map((error) => {
      const text = error.name ? table[error.name] : undefined;
      if (!text) return error;
      const message = text((error.params ?? {}) as Params);
      return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
    });
}
