import type { FilterInput } from '../../../services/schema-types';

/** The filter operators the list offers (the API's `$eq $contains $in $gte $lte`). */
export type FilterOp = 'eq' | 'contains' | 'in' | 'gte' | 'lte';
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'contains', 'in', 'gte', 'lte'];

/** One field's filter control: which field, its label, the control and (for choices) the options. */
export interface FilterSpec {
  field: string;
  title: string;
  input: FilterInput;
  options?: { value: string; label: string }[];
}

/** A field the list may be sorted by, with its label. */
export interface SortChoice {
  field: string;
  title: string;
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
  /** Only the tickets a spreadsheet import created (its job id). */
  importJob?: string;
  /** Whose tickets: mine, nobody's, or a user's (id). */
  assignee?: AssigneeFilter;
  /** Only tickets whose SLA is at warning or breached. */
  sla?: SlaFilter;
}

/** The list's assignee filter: `me`, `none` or a user id as digits. */
export type AssigneeFilter = 'me' | 'none' | `${number}`;
/** The list's SLA filter. */
export type SlaFilter = 'warning' | 'breached';
