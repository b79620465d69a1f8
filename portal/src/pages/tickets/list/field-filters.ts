import { choicesOf, fieldSchemasOf, type FieldFilter, type FilterInput, type TypeSchema } from '../../../services/schema-types';
import type { FilterOp, FilterSpec, SortChoice } from './types';

/** The operators each control writes (the URL's `f.<field>.<op>`, the API's `$<op>`). */
const OPS_OF_INPUT: Record<FilterInput, readonly FilterOp[]> = {
  search: ['contains'],
  'any-of': ['in'],
  has: ['contains'],
  'whole-range': ['gte', 'lte'],
  'decimal-range': ['gte', 'lte'],
  'day-range': ['gte', 'lte'],
  'moment-range': ['gte', 'lte'],
  'yes-no': ['eq'],
};

/** The operators `input`'s control writes; null for a control this portal does not know (a newer server's). */
const opsOf = (input: string): readonly FilterOp[] | null => (Object.hasOwn(OPS_OF_INPUT, input) ? OPS_OF_INPUT[input as FilterInput] : null);

/** Whether the server accepts every operator the field's control would send. */
const accepts = (filter: FieldFilter, ops: readonly FilterOp[]) => ops.every((op) => filter.operators.includes(`$${op}`));

type SchemaPart = Pick<TypeSchema, 'schema' | 'filters'>;

/**
 * The options of a choice control: the field's own choices (any-of) or its items' (has);
 * undefined for a control without options, null when the schema lists none (then no control).
 */
function optionsOf(input: FilterInput, typeSchema: SchemaPart, field: string): FilterSpec['options'] | null {
  if (input !== 'any-of' && input !== 'has') return undefined;
  const property = fieldSchemasOf(typeSchema.schema)[field];
  const choices = input === 'has' ? property?.items && choicesOf(property.items) : property && choicesOf(property);
  return choices ? choices.map((c) => ({ value: String(c.value), label: c.label })) : null;
}

/**
 * The filter controls of a ticket type in form order, as the schema answer's `filters` says:
 * a field gets the control its `input` names when the server accepts the operators that
 * control sends (and, for choices, when the schema lists the options).
 */
export function filterSpecs(typeSchema: SchemaPart): FilterSpec[] {
  return typeSchema.filters.flatMap((filter) => {
    const ops = filter.input ? opsOf(filter.input) : null;
    if (!filter.input || !ops || !accepts(filter, ops)) return [];
    const options = optionsOf(filter.input, typeSchema, filter.field);
    if (options === null) return [];
    const title = fieldSchemasOf(typeSchema.schema)[filter.field]?.title ?? filter.field;
    return [{ field: filter.field, title, input: filter.input, ...(options ? { options } : {}) }];
  });
}

/** The fields the list may be sorted by, in form order, with their labels. */
export function sortChoices(typeSchema: SchemaPart): SortChoice[] {
  return typeSchema.filters
    .filter((filter) => filter.sortable)
    .map((filter) => ({ field: filter.field, title: fieldSchemasOf(typeSchema.schema)[filter.field]?.title ?? filter.field }));
}

/**
 * The fields that get a column in the list, in form order: those with a filter control. A
 * field without one (a photo list) holds nothing a reader could scan in a table.
 */
export const columnFields = (typeSchema: SchemaPart): string[] =>
  typeSchema.filters.filter((filter) => filter.input !== null).map((filter) => filter.field);
