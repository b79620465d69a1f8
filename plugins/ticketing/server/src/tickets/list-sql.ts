import type { Knex } from 'knex';
import type { FormFilter, ListQuery } from './list-query';
import { fieldExpression, quoteTypeKey } from './form-expressions';
import { DISTANCE_SQL, distanceBindings, nearWhere } from './near';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const SQL_OP = { $eq: '=', $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as const;

function applyFilter(qb: Knex.QueryBuilder, filter: FormFilter) {
  const expr = fieldExpression(filter.field.key, filter.kind);
  const { op, value } = filter;
  switch (op) {
    case '$null':
      qb.whereRaw(`(form_data->'${filter.field.key}') IS ${value ? '' : 'NOT '}NULL`);
      return;
    case '$ne':
      qb.whereRaw(`${expr} IS DISTINCT FROM ?`, [value]);
      return;
    case '$in':
      qb.whereRaw(`${expr} IN (${(value as unknown[]).map(() => '?').join(', ')})`, value as never[]);
      return;
    case '$contains':
      if (filter.kind.cast === 'jsonb') qb.whereRaw(`${expr} @> ?::jsonb`, [JSON.stringify([value])]);
      else qb.whereRaw(`${expr} ILIKE ?`, [`%${escapeLike(String(value))}%`]);
      return;
    default:
      qb.whereRaw(`${expr} ${SQL_OP[op]} ?`, [value as never]);
  }
}

/**
 * The WHERE part shared by the page query and the count query. With `near`, `nearRadius` is
 * how far to look: the caller's radius for the count, the service's window for the page.
 */
function applyWhere(qb: Knex.QueryBuilder, query: ListQuery, nearRadius = query.near?.radius) {
  // inlined, not bound: partial indexes (WHERE type_key = '…') are matched at plan time
  if (query.type) qb.whereRaw(`type_key = ${quoteTypeKey(query.type)}`);
  if (query.states) qb.whereIn('state', query.states);
  // the (import_job, import_row) unique index serves it
  if (query.importJob) qb.where('import_job', query.importJob);
  if (query.assignee === 'none') qb.whereNull('assignee_id');
  else if (query.assignee !== undefined) qb.where('assignee_id', query.assignee);
  if (query.slaStates) qb.whereIn('sla_state', query.slaStates);
  query.filters.forEach((f) => applyFilter(qb, f));
  if (query.near) {
    const where = nearWhere(query.near.types, query.near, nearRadius);
    qb.whereRaw(where.sql, where.bindings);
  }
}

/**
 * Every ticket a list query matches, in the list's order: the WHERE and ORDER BY that both
 * the page query and the export's cursor run, so an export holds exactly the list's rows.
 */
export function buildListRows(db: Knex, table: string, query: ListQuery, columns: readonly string[] = ['*']) {
  const rows = db(table).select([...columns]);
  const { sort, near } = query;
  applyWhere(rows, query, near ? (near.within ?? near.radius) : undefined);
  if (near) {
    // metres from the caller's point, as the API answers it (`distance_m`), nearest first
    rows.select(db.raw(`${DISTANCE_SQL} AS distance_m`, distanceBindings(near)));
    rows.orderByRaw(`${DISTANCE_SQL} ASC, id ASC`, distanceBindings(near));
  } else if ('by' in sort && sort.by === 'sla_due_at') {
    rows.orderByRaw(`sla_due_at ${sort.dir} NULLS LAST, id ${sort.dir}`);
  } else if ('by' in sort) {
    rows.orderByRaw(`${sort.by} ${sort.dir}, id ${sort.dir}`);
  } else {
    rows.orderByRaw(`${fieldExpression(sort.field.key, sort.kind)} ${sort.dir} NULLS LAST, created_at DESC, id DESC`);
  }
  return rows;
}

/**
 * The page of tickets and, separately, their total: a window count over the page query
 * has planner traps (docs/performance.md), a count query of its own is steady. With
 * `countLimit` the count stops after that many + 1 matches: an expression index cannot
 * answer a count alone, so an exact count of a filter matching 125,000 of 1M tickets reads
 * every one of those rows (over a second); the caller reports a capped total as a lower bound.
 * The page size and the cap are written into the SQL, not bound: the generic plan of a prepared
 * list statement would not know them (the planner then assumes a tenth of the matches is wanted).
 */
export function buildListQueries(db: Knex, table: string, query: ListQuery, countLimit = 0, columns: readonly string[] = ['*']) {
  const rows = buildListRows(db, table, query, columns);
  rows.limit(query.pageSize, { skipBinding: true }).offset((query.page - 1) * query.pageSize);
  const matches = db(table);
  applyWhere(matches, query);
  const count =
    countLimit > 0
      ? db.count({ total: '*' }).from(matches.select(db.raw('1')).limit(countLimit + 1, { skipBinding: true }).as('capped'))
      : matches.count({ total: '*' });
  return { rows, count };
}

/**
 * Whether at least `need` tickets of a near query lie within `radius` metres (an index scan
 * that stops at `need`): then the nearest `need` all do, and a page looking only that far is exact.
 */
export function buildNearWindowCount(db: Knex, table: string, query: ListQuery, radius: number, need: number) {
  const matches = db(table);
  applyWhere(matches, query, radius);
  return db.count({ total: '*' }).from(matches.select(db.raw('1')).limit(need).as('near_window'));
}

/** The exact number of tickets a list query matches (no cap: an export states its count). */
export function buildListCount(db: Knex, table: string, query: ListQuery) {
  const matches = db(table);
  applyWhere(matches, query);
  return matches.count({ total: '*' });
}
