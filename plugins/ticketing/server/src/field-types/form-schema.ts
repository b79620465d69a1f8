import type { FieldTypeRegistry } from './registry';
import { canReadField, canWriteField } from './field-access';
import { compileCondition } from './field-conditions';
import type { FieldDefinition, JsonSchema, Locale, UiSchema } from './types';

/** What the schema endpoint serves and the portal renders with RJSF. */
export interface FormSchema {
  schema: JsonSchema;
  uiSchema: UiSchema;
}

export interface FormSource {
  key: string;
  name: Record<Locale, string>;
  description?: string | null;
  fields: FieldDefinition[];
}

/** The custom keyword of a field that must be later than another (`after`); ajv and the portal define it. */
export const AFTER_KEYWORD = 'x-after';

/**
 * Builds the JSON Schema (draft-07) and RJSF uiSchema of a ticket type's form in one
 * locale: every field's type fragment plus its title, help and required flag. A field with
 * `visibleWhen` lives in an `if`/`then` of `allOf`, so it exists only while its condition
 * holds; `requiredWhen` adds a `required` the same way. With `role` (undefined: no per-field
 * access, as the server validates) the fields that role may not read are left out and those
 * it may not write are read-only. No `additionalProperties: false`: conditional fields are
 * not top-level properties, and the validator refuses unknown keys itself.
 */
export function buildFormSchema(source: FormSource, locale: Locale, registry: FieldTypeRegistry, role?: string | null): FormSchema {
  const fields = role === undefined ? source.fields : source.fields.filter((f) => canReadField(f, role));
  const byKey = new Map(source.fields.map((f) => [f.key, f]));
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const conditions: JsonSchema[] = [];
  const uiSchema: UiSchema = { 'ui:order': fields.map((f) => f.key) };
  for (const field of fields) {
    const type = registry.require(field.type);
    const help = field.help?.[locale];
    const readOnly = role !== undefined && !canWriteField(field, role);
    const fragment: JsonSchema = {
      ...type.schema(field, locale),
      title: field.label[locale],
      ...(help ? { description: help } : {}),
      ...(field.after ? { [AFTER_KEYWORD]: field.after } : {}),
      ...(readOnly ? { readOnly: true } : {}),
    };
    const visible = field.visibleWhen && compileCondition(field.visibleWhen, byKey, registry);
    if (visible) {
      conditions.push({ if: visible, then: { properties: { [field.key]: fragment }, ...(field.required ? { required: [field.key] } : {}) } });
    } else {
      properties[field.key] = fragment;
      if (field.required) required.push(field.key);
    }
    if (field.requiredWhen) {
      const when = compileCondition(field.requiredWhen, byKey, registry);
      conditions.push({ if: visible ? { allOf: [visible, when] } : when, then: { required: [field.key] } });
    }
    const ui = { ...type.uiSchema(field, locale), ...(readOnly ? { 'ui:readonly': true } : {}) };
    if (Object.keys(ui).length) uiSchema[field.key] = ui;
  }
  return {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: source.name[locale],
      ...(source.description ? { description: source.description } : {}),
      type: 'object',
      properties,
      required,
      ...(conditions.length ? { allOf: conditions } : {}),
    },
    uiSchema,
  };
}
