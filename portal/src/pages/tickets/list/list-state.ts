import { TICKET_STATUSES } from '../../../services/ticket';
import { FILTER_OPS, type AssigneeFilter, type FilterOp, type FilterSpec, type ListState, type SlaFilter } from './types';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SORT = { field: 'created_at', order: 'desc' } as const;
// `sla`: most urgent first (asc), as the server orders it
const BUILTIN_SORTS = new Set(['created_at', 'updated_at', 'sla']);
const KEY = /^[a-z][a-z0-9_-]*$/i;
const JOB_ID = /^[a-z0-9]{1,64}$/i;
const ASSIGNEE = /^(me|none|[1-9]\d{0,8})$/;
const SLA_FILTERS: readonly SlaFilter[] = ['warning', 'breached'];

const positiveInt = (raw: string | null, fallback: number) => {
  const n = Number(raw);
  return raw !== null && Number.isSafeInteger(n) && n >= 1 ? n : fallback;
};

/**
 * The list state a URL's query describes. Anything malformed falls back to the default, and
 * field filters and field sorts count only with a type (a field belongs to its ticket type).
 */
export function parseListState(search: URLSearchParams): ListState {
  const typeParam = search.get('type');
  const type = typeParam && KEY.test(typeParam) ? typeParam : undefined;
  const status = (search.get('status') ?? '')
    .split(',')
    .filter((s): s is (typeof TICKET_STATUSES)[number] => (TICKET_STATUSES as readonly string[]).includes(s));
  const [sortField, sortOrder] = (search.get('sort') ?? '').split(':');
  const sortOk =
    !!sortField && KEY.test(sortField) && (BUILTIN_SORTS.has(sortField) || !!type) && (sortOrder === 'asc' || sortOrder === 'desc');
  const size = positiveInt(search.get('size'), DEFAULT_PAGE_SIZE);
  const filters: ListState['filters'] = {};
  if (type) {
    for (const [name, value] of search) {
      const match = /^f\.([a-z][a-z0-9_]*)\.([a-z]+)$/i.exec(name);
      if (!match || !value || !FILTER_OPS.includes(match[2] as FilterOp)) continue;
      (filters[match[1]] ??= {})[match[2] as FilterOp] = value;
    }
  }
  const importParam = search.get('import');
  const assignee = search.get('assignee') ?? '';
  const sla = search.get('sla') as SlaFilter | null;
  return {
    type,
    ...(importParam && JOB_ID.test(importParam) ? { importJob: importParam } : {}),
    ...(ASSIGNEE.test(assignee) ? { assignee: assignee as AssigneeFilter } : {}),
    ...(sla && SLA_FILTERS.includes(sla) ? { sla } : {}),
    status: [...new Set(status)],
    sort: sortOk ? { field: sortField, order: sortOrder as 'asc' | 'desc' } : { ...DEFAULT_SORT },
    page: positiveInt(search.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    filters,
  };
}

/** The URL query of a list state, defaults left out and filters in a stable order. */
export function toSearchParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.type) params.set('type', state.type);
  if (state.importJob) params.set('import', state.importJob);
  if (state.assignee) params.set('assignee', state.assignee);
  if (state.sla) params.set('sla', state.sla);
  if (state.status.length) params.set('status', state.status.join(','));
  if (state.sort.field !== DEFAULT_SORT.field || state.sort.order !== DEFAULT_SORT.order) {
    params.set('sort', `${state.sort.field}:${state.sort.order}`);
  }
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(state.pageSize));
  for (const field of Object.keys(state.filters).sort()) {
    for (const op of FILTER_OPS) {
      const value = state.filters[field][op];
      if (value) params.set(`f.${field}.${op}`, value);
    }
  }
  return params;
}

/** A bare `YYYY-MM-DD` (a day picked for a moment's upper bound). */
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API query for a list state: `page`, `pageSize`, `type`, `import`, `assignee`, `sla`, `status`, `sort` and
 * `filters[form][<field>][$<op>]`. The upper bound of a moment range (a date-time field) given
 * as a day means the end of that day (wall-clock time in the platform zone, which the server
 * assumes).
 */
export function toApiQuery(state: ListState, specs: FilterSpec[] = []): URLSearchParams {
  const params = new URLSearchParams({ page: String(state.page), pageSize: String(state.pageSize) });
  if (state.type) params.set('type', state.type);
  if (state.importJob) params.set('import', state.importJob);
  if (state.assignee) params.set('assignee', state.assignee);
  if (state.sla) params.set('sla', state.sla);
  if (state.status.length) params.set('status', state.status.join(','));
  params.set('sort', `${state.sort.field}:${state.sort.order}`);
  const inputs = new Map(specs.map((spec) => [spec.field, spec.input]));
  for (const field of Object.keys(state.filters).sort()) {
    for (const op of FILTER_OPS) {
      let value = state.filters[field][op];
      if (!value) continue;
      if (op === 'lte' && inputs.get(field) === 'moment-range' && BARE_DATE.test(value)) value = `${value} 23:59:59`;
      params.set(`filters[form][${field}][$${op}]`, value);
    }
  }
  return params;
}

/**
 * `state` with `patch` applied. Any change but paging goes back to page 1; a new type drops the
 * field filters and a field sort, which belonged to the old type.
 */
export function changeListState(state: ListState, patch: Partial<ListState>): ListState {
  const next: ListState = { ...state, ...patch };
  if ('type' in patch && patch.type !== state.type) {
    next.filters = {};
    if (!BUILTIN_SORTS.has(next.sort.field)) next.sort = { ...DEFAULT_SORT };
  }
  if (patch.page === undefined) next.page = 1;
  return next;
}

/** `state` with some operators of one field's filter set (or removed, for an empty value). */
export function setFieldFilter(state: ListState, field: string, patch: Partial<Record<FilterOp, string | undefined>>): ListState {
  const ops = { ...state.filters[field] };
  for (const [op, value] of Object.entries(patch) as [FilterOp, string | undefined][]) {
    if (value) ops[op] = value;
    else delete ops[op];
  }
  const filters = { ...state.filters, [field]: ops };
  if (Object.keys(ops).length === 0) delete filters[field];
  return changeListState(state, { filters });
}
