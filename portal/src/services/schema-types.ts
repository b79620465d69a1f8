import type { FieldFilter } from 'strapi-plugin-ticketing/api-types';
/** One enum choice as the schema endpoint writes it: `{ const, title }`. */
export interface SchemaChoice {
  const: string | number | boolean;
  title?: string;
}

/** The part of a field's JSON Schema the portal reads. */
export interface FieldSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  oneOf?: SchemaChoice[];
  /** The choices of a list's items may come as `anyOf` (several may be picked). */
  anyOf?: SchemaChoice[];
  enum?: (string | number | boolean)[];
  items?: FieldSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  /** A field the caller's role may read but not change. */
  readOnly?: boolean;
  /** `x-after`: the key of the field this one's value must be later than (or greater). */
  'x-after'?: string;
}

/**
 * One `allOf` part of the form schema: a field shown (and maybe required) while `if` holds, or
 * a field required while it holds (`then` has `required` only).
 */
export interface ConditionalPart {
  if: Record<string, unknown>;
  then: { properties?: Record<string, FieldSchema>; required?: string[] };
}

/** A ticket type's form: draft-07 JSON Schema of an object. */
export interface FormSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: boolean;
  /** The conditional fields and requirements (`visibleWhen`, `requiredWhen`), as `if`/`then` pairs. */
  allOf?: ConditionalPart[];
}

/** The filter control of a field and how the list may filter and sort by it, as the ticketing plugin defines them. */
export type { FieldFilter, FilterInput } from 'strapi-plugin-ticketing/api-types';

/** GET /api/ticketing/ticket-types/:key/schema → `data`. */
export interface TypeSchema {
  key: string;
  version: number;
  locale: string;
  schema: FormSchema;
  uiSchema: Record<string, unknown> & { 'ui:order'?: string[] };
  filters: FieldFilter[];
}

/** The choices a field offers (or its items, for a list of choices), as value + label. */
export function choicesOf(field: FieldSchema): { value: string | number | boolean; label: string }[] | null {
  const choices = field.oneOf ?? field.anyOf;
  if (choices?.every((choice) => 'const' in choice)) {
    return choices.map((choice) => ({ value: choice.const, label: choice.title ?? String(choice.const) }));
  }
  if (field.enum) return field.enum.map((value) => ({ value, label: String(value) }));
  return null;
}

/**
 * Every field of the form, shown always or under a condition: the top-level properties, then
 * those of the `allOf` parts (a conditional field is only there). The fields a role may not read
 * are in neither: the server leaves them out.
 */
export function fieldSchemasOf(schema: FormSchema): Record<string, FieldSchema> {
  const fields: Record<string, FieldSchema> = { ...schema.properties };
  for (const part of schema.allOf ?? []) {
    for (const [key, field] of Object.entries(part.then?.properties ?? {})) fields[key] ??= field;
  }
  return fields;
}

/** The field keys of `schema` in the order the form shows them. */
export function fieldOrder(schema: FormSchema, uiSchema?: TypeSchema['uiSchema']): string[] {
  const keys = Object.keys(fieldSchemasOf(schema));
  const order = (uiSchema?.['ui:order'] ?? []).filter((key) => keys.includes(key));
  return [...order, ...keys.filter((key) => !order.includes(key))];
}
