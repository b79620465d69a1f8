import type { FieldTypeRegistry } from './registry';
import { LOCALES, type JsonSchema } from './types';

const localizedText = (required: boolean): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: required ? 1 : 0, maxLength: 200 }])),
  required: required ? [...LOCALES] : [],
  additionalProperties: false,
});

/** Field keys become JSON keys, expression-index names and Excel headers: keep them plain. */
export const FIELD_KEY_PATTERN = '^[a-z][a-z0-9_]{0,63}$';

const roleList: JsonSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
  maxItems: 50,
  uniqueItems: true,
};

const fieldRef = { type: 'string', pattern: FIELD_KEY_PATTERN };

/** A `visibleWhen`/`requiredWhen` test; which fields it may name is checked after the schema. */
const conditionSchema: JsonSchema = {
  oneOf: [
    { type: 'object', required: ['field', 'equals'], additionalProperties: false, properties: { field: fieldRef, equals: {} } },
    { type: 'object', required: ['field', 'in'], additionalProperties: false, properties: { field: fieldRef, in: { type: 'array', minItems: 1, maxItems: 200 } } },
    {
      type: 'object',
      required: ['field'],
      anyOf: [{ required: ['min'] }, { required: ['max'] }],
      additionalProperties: false,
      properties: { field: fieldRef, min: { type: ['number', 'string'] }, max: { type: ['number', 'string'] } },
    },
    { type: 'object', required: ['field', 'empty'], additionalProperties: false, properties: { field: fieldRef, empty: { type: 'boolean' } } },
    { type: 'object', required: ['all'], additionalProperties: false, properties: { all: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/definitions/condition' } } } },
    { type: 'object', required: ['any'], additionalProperties: false, properties: { any: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/definitions/condition' } } } },
  ],
};

/**
 * The JSON Schema (draft-07) a ticket type's `fields` must satisfy, built from the
 * registry so a newly registered type (and its rules) is accepted with no other change.
 */
export function buildFieldsMetaSchema(registry: FieldTypeRegistry): JsonSchema {
  const names = registry.names();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:5g-ticketing:ticket-type-fields',
    type: 'array',
    maxItems: 200,
    definitions: { condition: conditionSchema },
    items: {
      type: 'object',
      required: ['key', 'type', 'label'],
      additionalProperties: false,
      properties: {
        key: { type: 'string', pattern: FIELD_KEY_PATTERN },
        type: { type: 'string', enum: names },
        label: localizedText(true),
        required: { type: 'boolean' },
        rules: { type: 'object' },
        aliases: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 50 },
        help: localizedText(false),
        access: { type: 'object', additionalProperties: false, properties: { read: roleList, write: roleList } },
        visibleWhen: { $ref: '#/definitions/condition' },
        requiredWhen: { $ref: '#/definitions/condition' },
        after: fieldRef,
      },
      allOf: registry.list().map((type) => ({
        if: { properties: { type: { const: type.name } }, required: ['type'] },
        then: { properties: { rules: type.rulesSchema } },
      })),
    },
  };
}
