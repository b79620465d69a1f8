import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { IMPORT_ROW_UID } from '../constants';
import type { RowError } from '../rows/row-checker';

/** A row of an import that is not a created ticket. */
export interface RecordedRow {
  row: number;
  verdict: 'valid' | 'rejected' | 'skipped';
  errors?: RowError[] | { kind: string };
  data?: Record<string, unknown>;
}

const UNIQUE_INDEX = 'excel_io_import_rows_job_row';
const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** The rows of an import that created no ticket (and every row of a dry run), one per (job, row). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(IMPORT_ROW_UID).tableName;

  return {
    /** The unique (job, row) index: a batch written twice (a retried job) leaves one row each. */
    async ensureIndexes() {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS "${UNIQUE_INDEX}" ON "${table()}" (job_id, "row")`);
    },

    /** Records rows of job `job` (within `trx` when given); a row already recorded is kept as it is. */
    async record(job: string, rows: RecordedRow[], trx?: Knex.Transaction) {
      if (!rows.length) return;
      const now = new Date();
      const values = rows.map((r) => ({
        document_id: randomBytes(12).toString('hex'),
        job_id: job,
        row: r.row,
        verdict: r.verdict,
        errors: r.errors === undefined ? null : JSON.stringify(r.errors),
        data: r.data === undefined ? null : JSON.stringify(r.data),
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
      await (trx ?? strapi.db.connection)(table()).insert(values).onConflict(['job_id', 'row']).ignore();
    },

    /** How many rows of job `job` are recorded, by verdict, and the last of them (0: none). */
    async summary(job: string): Promise<{ counts: Record<RecordedRow['verdict'], number>; lastRow: number }> {
      const groups: { verdict: RecordedRow['verdict']; n: string | number; last: string | number }[] = await strapi.db
        .connection(table())
        .where({ job_id: job })
        .groupBy('verdict')
        .select('verdict', strapi.db.connection.raw('count(*) AS n, max("row") AS last'));
      const counts = { valid: 0, rejected: 0, skipped: 0 };
      for (const g of groups) counts[g.verdict] = Number(g.n);
      return { counts, lastRow: Math.max(0, ...groups.map((g) => Number(g.last))) };
    },

    /** Every recorded row of a job, in row order. */
    async ofJob(job: string): Promise<RecordedRow[]> {
      const rows = await strapi.db.connection(table()).select('row', 'verdict', 'errors', 'data').where({ job_id: job }).orderBy('row');
      return rows.map((r: { row: number | string; verdict: RecordedRow['verdict']; errors: unknown; data: unknown }) => ({
        row: Number(r.row),
        verdict: r.verdict,
        errors: parseJson(r.errors) ?? undefined,
        data: parseJson(r.data) ?? undefined,
      }));
    },
  };
};
