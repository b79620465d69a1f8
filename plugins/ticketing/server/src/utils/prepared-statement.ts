import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** At most this many statement shapes are named: each pooled connection keeps a plan per name. */
export const MAX_NAMED_STATEMENTS = 128;

const named = new Set<string>();

/**
 * The query as a named (prepared) statement, named after its SQL text so that every query of
 * the same shape — only the bound values differ — shares one name. node-postgres then parses
 * it once per pooled connection, and PostgreSQL may keep a generic plan for it: planning a list
 * query over the ticket table's many partial indexes and statistics took longer than running it.
 * Shapes beyond `MAX_NAMED_STATEMENTS` run unnamed, so no caller can make the server hold an
 * unbounded number of plans. Select named columns, not `*`: a column added to the table would
 * change a prepared `*` statement's result type, which PostgreSQL refuses.
 */
export function prepared<T extends Knex.QueryBuilder>(query: T): T {
  const { sql } = query.toSQL().toNative();
  const name = `q_${createHash('sha1').update(sql).digest('base64url').slice(0, 24)}`;
  if (!named.has(name)) {
    if (named.size >= MAX_NAMED_STATEMENTS) return query;
    named.add(name);
  }
  return query.options({ name });
}
