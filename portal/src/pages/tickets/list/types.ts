/** The filter operators the list offers (the API's `$eq $contains $in $gte $lte`). */
export type FilterOp = 'eq' | 'contains' | 'in' | 'gte' | 'lte';
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'contains', 'in', 'gte', 'lte'];

/** How a field can be filtered, from its JSON Schema. */
export type FilterKind = 'text' | 'enum' | 'multi-enum' | 'number' | 'date' | 'date-time' | 'boolean';

/** One field's filter control: which field, its label, kind and (for enums) choices. */
export interface FilterSpec {
  field: string;
  title: string;
  kind: FilterKind;
  options?: { value: string; label: string }[];
  integer?: boolean;
}

/** Sort order of the list: `created_at`, `updated_at` or a field of the chosen type. */
export interface ListSort {
  field: string;
  order: 'asc' | 'desc';
}

/** Everything that shapes the list; the URL holds it, so a link reproduces the view. */
export interface ListState {
  type?: string;
  status: string[];
  sort: ListSort;
  page: number;
  pageSize: number;
  /** field → operator → value as typed (`in` takes a comma list). */
  filters: Record<string, Partial<Record<FilterOp, string>>>;
}
