import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import type { FieldDefinition, FieldType, Locale } from './types';

const localize: Record<Locale, (errors?: ErrorObject[] | null) => void> = { 'zh-CN': localizeZh, en: localizeEn };

/**
 * Checks one canonical value of a field: its type's JSON Schema fragment through ajv (the
 * same keywords the whole form is validated with), then the type's own `check`. Messages
 * are ajv-i18n's in the caller's locale. Compiled fragments are cached by their JSON: the
 * fields of a form share few distinct fragments; and per field object, so that checking the
 * same field again (every row of an import) neither rebuilds nor serialises its fragment.
 */
export class ValueChecker {
  private readonly ajv = addFormats(new Ajv({ allErrors: false, strict: false, messages: false }));
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly byField = new WeakMap<FieldDefinition, { type: FieldType; validate: ValidateFunction }>();

  private validator(type: FieldType, field: FieldDefinition): ValidateFunction {
    const known = this.byField.get(field);
    if (known?.type === type) return known.validate;
    const fragment = type.schema(field, 'en');
    const cacheKey = `${type.name}\u0000${JSON.stringify(fragment)}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(fragment);
      this.compiled.set(cacheKey, validate);
    }
    this.byField.set(field, { type, validate });
    return validate;
  }

  /** A message in `locale` when `value` breaks the field's rules; null when it keeps them. */
  check(type: FieldType, field: FieldDefinition, value: unknown, locale: Locale): string | null {
    const validate = this.validator(type, field);
    if (!validate(value)) {
      const errors = validate.errors ?? [];
      localize[locale](errors);
      // a oneOf's own error says more than the failing branches ajv lists before it
      const main = errors.find((e) => !/\/(oneOf|anyOf)\/\d/.test(e.schemaPath)) ?? errors[0];
      return main?.message ?? 'invalid';
    }
    return type.check ? type.check(field, value, locale) : null;
  }
}
