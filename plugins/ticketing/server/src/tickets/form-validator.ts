import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import localizeEn from 'ajv-i18n/localize/en';
import type { FieldTypeRegistry } from '../field-types';
import { AFTER_KEYWORD, buildFormSchema, compileCondition, type FieldDefinition, type FormSource, type Locale, type ParseContext } from '../field-types';
import { addAfterKeyword, afterMessage } from './after-keyword';
import { addFormatLimitKeywords } from './format-limit-keywords';

/** One failing field of a submitted form, with a message in the request's locale. */
export interface FormError {
  field: string;
  label?: string;
  message: string;
}

export type FormResult = { ok: true; form: Record<string, unknown> } | { ok: false; errors: FormError[] };

const localize: Record<Locale, (errors?: ErrorObject[] | null) => void> = { 'zh-CN': localizeZh, en: localizeEn };
const UNKNOWN_FIELD: Record<Locale, string> = { 'zh-CN': '未知字段', en: 'unknown field' };
const NOT_AN_OBJECT: Record<Locale, string> = { 'zh-CN': '表单必须是对象', en: 'form must be an object' };
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function errorField(error: ErrorObject): string {
  if (error.keyword === 'required') return (error.params as { missingProperty: string }).missingProperty;
  return error.instancePath.split('/')[1] ?? '';
}

/**
 * Checks a submitted form against one version of a ticket type: every value goes
 * through its field type's `parse` (the loose-input conventions), then the whole form
 * through ajv with the same JSON Schema the schema endpoint serves. Errors name each
 * failing field once, in `locale`.
 */
export class FormValidator {
  private readonly ajv = addAfterKeyword(addFormatLimitKeywords(addFormats(new Ajv({ allErrors: true, strict: false, messages: false }), { keywords: false })));
  private readonly compiled = new Map<string, ValidateFunction>();

  private readonly keyed = new WeakMap<FieldDefinition[], Map<string, FieldDefinition>>();
  private readonly visibility = new WeakMap<FieldDefinition[], { key: string; visible: ValidateFunction }[]>();

  constructor(private readonly registry: FieldTypeRegistry) {}

  /** The fields by key, made once per fields list (an import validates every row against the same one). */
  private fieldsByKey(list: FieldDefinition[]): Map<string, FieldDefinition> {
    let fields = this.keyed.get(list);
    if (!fields) {
      fields = new Map(list.map((f) => [f.key, f]));
      this.keyed.set(list, fields);
    }
    return fields;
  }

  /** The compiled `visibleWhen` of each conditional field, made once per fields list. */
  private visibilityTests(list: FieldDefinition[]) {
    let tests = this.visibility.get(list);
    if (!tests) {
      const fields = this.fieldsByKey(list);
      tests = list
        .filter((f) => f.visibleWhen)
        .map((f) => ({ key: f.key, visible: this.ajv.compile(compileCondition(f.visibleWhen!, fields, this.registry)) }));
      this.visibility.set(list, tests);
    }
    return tests;
  }

  /**
   * Drops the values of hidden fields, in place, until none is left: a field hidden now may
   * be what kept another visible.
   */
  private dropHidden(form: Record<string, unknown>, list: FieldDefinition[]) {
    const tests = this.visibilityTests(list);
    for (let dropped = true; dropped; ) {
      dropped = false;
      for (const { key, visible } of tests) {
        if (key in form && !visible(form)) {
          delete form[key];
          dropped = true;
        }
      }
    }
  }

  private validator(source: FormSource & { version: number }): ValidateFunction {
    const cacheKey = `${source.key}@${source.version}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(buildFormSchema(source, 'en', this.registry).schema);
      this.compiled.set(cacheKey, validate);
    }
    return validate;
  }

  validate(input: unknown, source: FormSource & { version: number }, locale: Locale, ctx: ParseContext): FormResult {
    if (!isPlainObject(input)) return { ok: false, errors: [{ field: '(form)', message: NOT_AN_OBJECT[locale] }] };
    const fields = this.fieldsByKey(source.fields);
    const errors: FormError[] = Object.keys(input)
      .filter((key) => !fields.has(key))
      .map((key) => ({ field: key, message: UNKNOWN_FIELD[locale] }));

    const form: Record<string, unknown> = {};
    for (const field of source.fields) {
      if (!(field.key in input)) continue;
      const type = this.registry.require(field.type);
      const parsed = type.parse(input[field.key], field, ctx);
      if (!parsed.ok) {
        const message = locale === 'en' ? parsed.error : `不是有效的${type.label['zh-CN']}（${parsed.error}）`;
        errors.push({ field: field.key, label: field.label[locale], message });
      } else if (parsed.value !== null) {
        form[field.key] = parsed.value;
      }
    }

    this.dropHidden(form, source.fields);
    const validate = this.validator(source);
    if (!validate(form)) {
      // an if/then failure repeats its branch's error without detail
      const ajvErrors = (validate.errors ?? []).filter((e) => e.keyword !== 'additionalProperties' && e.keyword !== 'if');
      localize[locale](ajvErrors);
      for (const error of ajvErrors) {
        const key = errorField(error);
        // one message per field: the first, which is the most specific ajv reports
        if (errors.some((e) => e.field === key)) continue;
        const message = error.keyword === AFTER_KEYWORD ? afterMessage(fields.get(key), fields, locale) : (error.message ?? 'invalid');
        errors.push({ field: key, label: fields.get(key)?.label[locale], message });
      }
    }
    return errors.length ? { ok: false, errors } : { ok: true, form };
  }
}
