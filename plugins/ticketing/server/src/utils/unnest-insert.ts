import type { Knex } from 'knex';

/** A column of an `unnestInsert`: its name and the PostgreSQL type of its array. */
export interface UnnestColumn {
  name: string;
  type: 'text' | 'integer' | 'jsonb' | 'timestamp';
}

/**
 * Inserts many rows with one parameter per column (`INSERT … SELECT * FROM unnest($1::text[], …)`):
 * the statement stays small and its plan trivial however many rows it carries, where a
 * multi-row VALUES list needs rows × columns parameters and hits PostgreSQL's 65,535 limit.
 */
export async function unnestInsert(db: Knex | Knex.Transaction, table: string, columns: UnnestColumn[], rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = columns.map((c) => `?::${c.type}[]`).join(', ');
  await db.raw(
    `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
    columns.map((c) => rows.map((r) => r[c.name] ?? null)) as never[],
  );
}
