import type { FieldTypeRegistry } from './registry';
import type { FieldDefinition, FilterInput } from './types';
import type { FilterOperator } from './value-kinds';

/** How the ticket list may filter and sort by one field: what the schema endpoint tells clients. */
export interface FieldFilter {
  field: string;
  operators: readonly FilterOperator[];
  sortable: boolean;
  input: FilterInput;
}

/** The filters of a form's fields, in form order, each from its field type. */
export function fieldFilters(fields: FieldDefinition[], registry: FieldTypeRegistry): FieldFilter[] {
  return fields.map((field) => {
    const type = registry.require(field.type);
    return { field: field.key, operators: type.valueKind.operators, sortable: type.valueKind.sortable, input: type.filterInput };
  });
}
