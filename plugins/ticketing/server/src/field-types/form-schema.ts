import type { FieldTypeRegistry } from './registry';
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

/**
 * Builds the JSON Schema (draft-07) and RJSF uiSchema of a ticket type's form in one
 * locale: every field's type fragment plus its title, help and required flag.
 */
export function buildFormSchema(source: FormSource, locale: Locale, registry: FieldTypeRegistry): FormSchema {
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = { 'ui:order': source.fields.map((f) => f.key) };
  for (const field of source.fields) {
    const type = registry.require(field.type);
    const help = field.help?.[locale];
    properties[field.key] = {
      ...type.schema(field, locale),
      title: field.label[locale],
      ...(help ? { description: help } : {}),
    };
    const ui = type.uiSchema(field, locale);
    if (Object.keys(ui).length) uiSchema[field.key] = ui;
  }
  return {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: source.name[locale],
      ...(source.description ? { description: source.description } : {}),
      type: 'object',
      properties,
      required: source.fields.filter((f) => f.required).map((f) => f.key),
      additionalProperties: false,
    },
    uiSchema,
  };
}
