export * from './types';
export * from './value-kinds';
export { FieldTypeRegistry } from './registry';
export { buildFieldsMetaSchema, FIELD_KEY_PATTERN } from './meta-schema';
export { FieldDefinitionValidator, type FieldDefinitionIssue } from './field-definitions';
export { AFTER_KEYWORD, buildFormSchema, type FormSchema, type FormSource } from './form-schema';
export { fieldFilters } from './field-filters';
export { canReadField, canWriteField, readableForm } from './field-access';
export { compileCondition, conditionFields } from './field-conditions';
