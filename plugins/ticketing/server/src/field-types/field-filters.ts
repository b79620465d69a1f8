import type { FieldTypeRegistry } from './registry';
import type { FieldDefinition, FieldFilter } from './types';

/** The filters of a form's fields, in form order, each from its field type. */
export function fieldFilters(fields: FieldDefinition[], registry: FieldTypeRegistry): FieldFilter[] {
  return fields.map((field) => {
    const type = registry.require(field.type);
    return { field: field.key, operators: type.valueKind.operators, sortable: type.valueKind.sortable, input: type.filterInput };
  });
}
