import type { FormContextType, RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import type { Locale } from '../../../../i18n/locale';
import type { FieldSchema } from '../../../../services/schema-types';
import { addAfterKeyword, AFTER_KEYWORD } from './after-keyword';

// ajv's messages in the UI language, as the server words its own (it localises with ajv-i18n too)
const LOCALIZERS = { 'zh-CN': localizeZh, en: localizeEn } satisfies Record<Locale, unknown>;

/**
 * Where a form reads better than ajv's wording, by keyword: under a field, "required" needs no
 * property name, a pattern's regular expression means nothing to the user, and a value outside
 * the choices is just that (ajv names `oneOf`/`anyOf`).
 */
const PLAINER: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    required: '必填',
    pattern: '格式不正确',
    enum: '应当是预设值之一',
    const: '应当是预设值之一',
    oneOf: '应当是预设值之一',
    anyOf: '应当是预设值之一',
  },
  en: {
    required: 'is required',
    pattern: 'has the wrong format',
    enum: 'must be one of the choices',
    const: 'must be one of the choices',
    oneOf: 'must be one of the choices',
    anyOf: 'must be one of the choices',
  },
};

/** A failed `x-after`, naming the field the value must follow (as the server words it). */
function afterMessage(locale: Locale, earlier: FieldSchema | undefined, earlierKey: string): string {
  const name = earlier?.title ?? earlierKey;
  const numeric = earlier?.type === 'integer' || earlier?.type === 'number';
  if (locale === 'en') return numeric ? `must be greater than ${name}` : `must be later than ${name}`;
  return numeric ? `必须大于${name}` : `必须晚于${name}`;
}

const validators = new Map<Locale, ValidatorType>();

/** The form's validator (ajv 8), its messages in `locale`; one per language, made once. */
export function validatorFor<T, F extends FormContextType>(locale: Locale): ValidatorType<T, RJSFSchema, F> {
  let validator = validators.get(locale);
  if (!validator) {
    validator = customizeValidator({ extenderFn: addAfterKeyword }, LOCALIZERS[locale]);
    validators.set(locale, validator);
  }
  return validator as ValidatorType<T, RJSFSchema, F>;
}

/**
 * The localised errors, plainer where a form needs it. An invalid choice fails `const` against
 * every option and then `oneOf`: only the one `oneOf` message is kept. A conditional part that
 * fails (`if`/`then`) says so at the form's root besides the field's own error: that one goes.
 * `fields` (every field of the form, conditional ones too) names the field an `x-after` points at.
 */
export function localizeErrors(
  errors: RJSFValidationError[],
  locale: Locale,
  fields: Record<string, FieldSchema> = {},
): RJSFValidationError[] {
  const table = PLAINER[locale];
  const choiceProperties = new Set(errors.filter((e) => e.name === 'oneOf' || e.name === 'anyOf').map((e) => e.property));
  return errors
    .filter((error) => !(error.name === 'const' && choiceProperties.has(error.property)))
    .filter((error) => error.name !== 'if')
    .map((error) => {
      if (error.name === AFTER_KEYWORD) {
        const earlierKey = fields[error.property?.replace(/^\./, '') ?? '']?.[AFTER_KEYWORD] ?? '';
        const message = afterMessage(locale, fields[earlierKey], earlierKey);
        return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
      }
      const message = error.name ? table[error.name] : undefined;
      return message ? { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() } : error;
    });
}
