import type { Knex } from 'knex';
import { buildNearWindowCount } from './list-sql';
import type { ListQuery } from './list-query';

/** The radii (metres) a near query without one tries, smallest first: a site, a district, a city, a province. */
export const NEAR_WINDOWS = [1_000, 10_000, 100_000, 1_000_000] as const;

/**
 * How far the page query of a near query without a radius must look so its page is exact:
 * the smallest window holding at least every ticket up to the page's end (each try an index
 * scan that stops there); undefined when none does — then it looks everywhere.
 */
export async function nearWindow(db: Knex, table: string, query: ListQuery): Promise<number | undefined> {
  const need = query.page * query.pageSize;
  for (const radius of NEAR_WINDOWS) {
    const [{ total }] = (await buildNearWindowCount(db, table, query, radius, need)) as unknown as { total: string }[];
    if (Number(total) >= need) return radius;
  }
  return undefined;
}
