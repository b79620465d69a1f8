import type { Knex } from 'knex';
import { newDocumentId } from '../utils/document-id';
import { parseJsonColumn } from '../utils/json-column';
import type { MigrationReason } from './migrate-form';

export type MigrationOutcome = 'migrated' | 'kept';

/** One ticket's line of a migration report. */
export interface MigrationEntry {
  id: string;
  outcome: MigrationOutcome;
  reasons: MigrationReason[];
}

export interface MigrationCounts {
  total: number;
  migrated: number;
  kept: number;
}

const UNIQUE_INDEX = 'ticketing_migration_entries_job_ticket';

/** The report lines of migration jobs, in their own table: one per (job, ticket). */
export function migrationReport(db: () => Knex, table: () => string) {
  let indexed: Promise<unknown> | undefined;
  const rows = (job: string, entries: MigrationEntry[]) => {
    const now = new Date();
    return entries.map((e) => ({
      document_id: newDocumentId(),
      job_id: job,
      ticket_id: e.id,
      outcome: e.outcome,
      reasons: JSON.stringify(e.reasons),
      created_at: now,
      updated_at: now,
      published_at: now,
    }));
  };

  return {
    /** The unique (job, ticket) index the writes below rely on; created once per process. */
    ensureIndex() {
      indexed ??= db()
        .raw(`CREATE UNIQUE INDEX IF NOT EXISTS "${UNIQUE_INDEX}" ON "${table()}" (job_id, ticket_id)`)
        .catch((error) => {
          indexed = undefined;
          throw error;
        });
      return indexed;
    },

    /**
     * Writes lines (in `trx` when given, so a migrated ticket and its line commit together). A
     * ticket seen again by a retried attempt keeps one line: the later verdict replaces the earlier.
     */
    async record(job: string, entries: MigrationEntry[], trx?: Knex.Transaction) {
      if (!entries.length) return;
      await this.ensureIndex();
      await (trx ?? db())(table())
        .insert(rows(job, entries))
        .onConflict(['job_id', 'ticket_id'])
        .merge(['outcome', 'reasons', 'updated_at']);
    },

    async counts(job: string): Promise<MigrationCounts> {
      const grouped = (await db()(table()).where({ job_id: job }).select('outcome').count({ n: '*' }).groupBy('outcome')) as {
        outcome: MigrationOutcome;
        n: string;
      }[];
      const of = (outcome: MigrationOutcome) => Number(grouped.find((g) => g.outcome === outcome)?.n ?? 0);
      return { total: of('migrated') + of('kept'), migrated: of('migrated'), kept: of('kept') };
    },

    /** One page of a job's lines in the order they were written, optionally of one outcome. */
    async page(job: string, outcome: MigrationOutcome | undefined, page: number, pageSize: number) {
      const where = { job_id: job, ...(outcome ? { outcome } : {}) };
      const [lines, [{ total }]] = await Promise.all([
        db()(table()).where(where).select('ticket_id', 'outcome', 'reasons').orderBy('id').limit(pageSize).offset((page - 1) * pageSize),
        db()(table()).where(where).count({ total: '*' }),
      ]);
      const entries: MigrationEntry[] = lines.map((l: { ticket_id: string; outcome: MigrationOutcome; reasons: unknown }) => ({
        id: l.ticket_id,
        outcome: l.outcome,
        reasons: parseJsonColumn(l.reasons) ?? [],
      }));
      return { entries, total: Number(total) };
    },
  };
}
