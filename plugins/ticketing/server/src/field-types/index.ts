export * from './types';
export * from './value-kinds';
export { FieldTypeRegistry } from './registry';
export { buildFieldsMetaSchema, FIELD_KEY_PATTERN } from './meta-schema';
export { FieldDefinitionValidator, type FieldDefinitionIssue } from './field-definitions';
export { buildFormSchema, type FormSchema, type FormSource } from './form-schema';
export { fieldFilters } from './field-filters';
