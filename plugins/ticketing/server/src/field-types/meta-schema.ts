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
      },
      allOf: registry.list().map((type) => ({
        if: { properties: { type: { const: type.name } }, required: ['type'] },
        then: { properties: { rules: type.rulesSchema } },
      })),
    },
  };
}
