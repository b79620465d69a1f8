import { choicesOf, fieldOrder, type FieldSchema, type TypeSchema } from '../../../services/schema-types';
import type { FilterKind, FilterOp, FilterSpec } from './types';

const typeOf = (field: FieldSchema) => (Array.isArray(field.type) ? field.type.find((t) => t !== 'null') : field.type);

/** How a field of this schema is filtered, or null when it cannot be (photos). */
export function filterKindOf(field: FieldSchema): FilterKind | null {
  const type = typeOf(field);
  if (type === 'array') return field.items && choicesOf(field.items) ? 'multi-enum' : null;
  if (choicesOf(field)) return 'enum';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'string' && field.format === 'date') return 'date';
  if (type === 'string' && field.format === 'date-time') return 'date-time';
  if (type === 'string') return 'text';
  return null;
}

/** The operators a filter kind uses: substring, any-of, membership, ranges, equality. */
export const OPS_OF_KIND: Record<FilterKind, FilterOp[]> = {
  text: ['contains'],
  enum: ['in'],
  'multi-enum': ['contains'],
  number: ['gte', 'lte'],
  date: ['gte', 'lte'],
  'date-time': ['gte', 'lte'],
  boolean: ['eq'],
};

/** The filter controls of a ticket type, generated from its form schema in form order. */
export function filterSpecs(typeSchema: Pick<TypeSchema, 'schema' | 'uiSchema'>): FilterSpec[] {
  const { schema, uiSchema } = typeSchema;
  const specs: FilterSpec[] = [];
  for (const field of fieldOrder(schema, uiSchema)) {
    const fieldSchema = schema.properties[field];
    const kind = filterKindOf(fieldSchema);
    if (!kind) continue;
    const choices = choicesOf(kind === 'multi-enum' ? fieldSchema.items! : fieldSchema);
    specs.push({
      field,
      title: fieldSchema.title ?? field,
      kind,
      ...(choices && (kind === 'enum' || kind === 'multi-enum')
        ? { options: choices.map((c) => ({ value: String(c.value), label: c.label })) }
        : {}),
      ...(kind === 'number' ? { integer: typeOf(fieldSchema) === 'integer' } : {}),
    });
  }
  return specs;
}

/** The fields a list can be sorted by: those a btree orders (numbers, dates, enums) and text. */
export const sortableFields = (specs: FilterSpec[]) => specs.filter((spec) => spec.kind !== 'multi-enum' && spec.kind !== 'boolean');
