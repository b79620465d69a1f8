import type { FormFilter, ListQuery } from './list-query';

/**
 * Below this many distinct values a field's equality filter is left to a plan per value: the
 * planner's guess for "any value" (a 1/n share of the rows) is then large enough that it may walk
 * the newest-first index and filter, which for a rare value reads every ticket of the type.
 */
export const MANY_VALUES = 100;

/**
 * Whether one plan serves a list query whatever the values of its filters, so that it may run
 * as a prepared statement whose generic plan PostgreSQL keeps: the first page (an offset is a
 * value too), no near-me window, no state, SLA, assignee or import filter (a few values of those
 * hold most tickets) and each form filter an equality on a field with at least `MANY_VALUES`
 * distinct values by the statistics — served by that field's index for a rare value and a
 * common one alike. `distinctValues` is undefined for a field with no statistics read.
 */
export function onePlanFits(query: ListQuery, distinctValues: (filter: FormFilter) => number | undefined): boolean {
  if (query.near || query.page !== 1) return false;
  if (query.states || query.slaStates || query.assignee !== undefined || query.importJob !== undefined) return false;
  return query.filters.every((f) => (f.op === '$eq' || f.op === '$in') && (distinctValues(f) ?? 0) >= MANY_VALUES);
}
