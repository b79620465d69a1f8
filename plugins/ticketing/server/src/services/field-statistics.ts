import type { Core } from '@strapi/strapi';
import { TICKET_UID } from '../constants';

// how long a reading of the statistics is used before it is read again (ANALYZE runs now and then)
const FRESH_MS = 10 * 60_000;

/**
 * How many distinct values each form field with statistics holds, as PostgreSQL's own
 * statistics say (`pg_stats_ext_exprs`, filled by ANALYZE): what decides whether a list query
 * may keep one plan for every value of its filters (`tickets.listQueries`). Read in the
 * background when stale; a field not read yet is unknown.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let distinct = new Map<string, number>();
  let readAt = 0;
  let reading: Promise<void> | null = null;

  async function read() {
    const table = strapi.db.metadata.get(TICKET_UID).tableName;
    const { rows } = (await strapi.db.connection.raw('SELECT statistics_name, n_distinct FROM pg_stats_ext_exprs WHERE tablename = ?', [table])) as {
      rows: { statistics_name: string; n_distinct: number }[];
    };
    // a negative n_distinct is a share of the rows: it grows with the table
    distinct = new Map(rows.map((r) => [r.statistics_name, r.n_distinct < 0 ? Infinity : r.n_distinct]));
    readAt = Date.now();
  }

  return {
    /** Reads the statistics now (after an ANALYZE, say). */
    async refresh() {
      reading ??= read().finally(() => (reading = null));
      await reading;
    },

    /** Distinct values of the statistics object `name`'s expression; undefined until read. */
    distinctValues(name: string): number | undefined {
      if (Date.now() - readAt > FRESH_MS && !reading) {
        // a failed reading is not retried on every request, only once it is stale again
        readAt = Date.now();
        this.refresh().catch((error: Error) => strapi.log.warn(`ticketing: reading the field statistics failed: ${error.message}`));
      }
      return distinct.get(name);
    },
  };
};
