import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { JOB_UID, type JobState } from '../constants';
import { UnrecoverableError } from 'bullmq';
import { JobCancelledError } from '../errors';
import type { JobProgress } from '../types';
import { accessService } from 'strapi-plugin-access';

/** A row of the jobs table as knex returns it; `creator_name` when read with its creator. */
interface Row {
  id: number;
  document_id: string;
  kind: string;
  state: JobState;
  // jsonb: an object, or its text (see `json` below)
  progress: unknown;
  params: unknown;
  result: unknown;
  error: string | null;
  creator_id: number | null;
  creator_name?: string | null;
  queue_job_id: string | null;
  attempts: number | null;
  max_attempts: number | null;
  cancel_requested: boolean | null;
  created_at: Date | string | null;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  updated_at: Date | string | null;
}

/** Columns to write: a part of a row. */
type Values = Record<string, unknown>;

/** A job record as the API shows it. */
export interface JobRecord {
  documentId: string;
  kind: string;
  status: JobState;
  progress: JobProgress | null;
  params: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  maxAttempts: number | null;
  cancelRequested: boolean;
  creator: { id: number; username: string | null } | null;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string | null;
}

/** Filters and page of a record list. */
export interface RecordQuery {
  kind?: string;
  state?: JobState;
  creatorId?: number;
  page: number;
  pageSize: number;
}

// Strapi's pg setup hands jsonb back as text through the raw query builder
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));
const OPEN: JobState[] = ['queued', 'running'];

/**
 * Job records in PostgreSQL. Every transition is one conditional UPDATE, so concurrent
 * writers (API cancel, several workers, reconciliation) cannot move a record backwards:
 * `cancelled` is final, and only a new run revives `failed` or `succeeded` (a retry from
 * the board).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(JOB_UID).tableName;
  const usersTable = () => strapi.db.metadata.get('plugin::users-permissions.user').tableName;
  const db = () => strapi.db.connection;

  const update = (documentId: string, states: JobState[] | null, values: Values) => {
    const query = db()(table())
      .where({ document_id: documentId })
      .update({ ...values, updated_at: new Date() });
    if (states) query.whereIn('state', states);
    return query;
  };

  const selectWithCreator = () =>
    db()(`${table()} as j`)
      .leftJoin(`${usersTable()} as u`, 'u.id', 'j.creator_id')
      .select('j.*', 'u.username as creator_name');

  return {
    table,

    /** The API shape of a row read with `selectWithCreator`. */
    present(row: Row): JobRecord {
      const time = accessService(strapi, 'timestamps');
      return {
        documentId: row.document_id,
        kind: row.kind,
        status: row.state,
        progress: json(row.progress),
        params: json(row.params),
        result: json(row.result),
        error: row.error ?? null,
        attempts: row.attempts ?? 0,
        maxAttempts: row.max_attempts ?? null,
        cancelRequested: !!row.cancel_requested,
        creator: row.creator_id ? { id: row.creator_id, username: row.creator_name ?? null } : null,
        createdAt: time.format(row.created_at),
        startedAt: time.format(row.started_at),
        finishedAt: time.format(row.finished_at),
        updatedAt: time.format(row.updated_at),
      };
    },

    /** Creates a `queued` record; returns its documentId. */
    async create(input: { kind: string; params: unknown; creatorId: number | null; maxAttempts: number }): Promise<string> {
      const created = await strapi.documents(JOB_UID).create({
        data: {
          kind: input.kind,
          state: 'queued',
          params: input.params,
          creatorId: input.creatorId,
          attempts: 0,
          maxAttempts: input.maxAttempts,
          cancelRequested: false,
        },
      });
      return created.documentId;
    },

    async setQueueJobId(documentId: string, queueJobId: string) {
      await update(documentId, null, { queue_job_id: queueJobId });
    },

    async find(documentId: string): Promise<Row | undefined> {
      return selectWithCreator().where('j.document_id', documentId).first();
    },

    /** A record that must exist (one this process just wrote). */
    async get(documentId: string): Promise<Row> {
      const row = await this.find(documentId);
      if (!row) throw new Error(`jobs: no record ${documentId}`);
      return row;
    },

    /** A page of records, newest first, with the total. */
    async list(q: RecordQuery): Promise<{ rows: Row[]; total: number }> {
      const filter = (query: Knex.QueryBuilder) => {
        if (q.kind) query.where('j.kind', q.kind);
        if (q.state) query.where('j.state', q.state);
        if (q.creatorId !== undefined) query.where('j.creator_id', q.creatorId);
        return query;
      };
      const [{ n }] = await filter(db()(`${table()} as j`)).count({ n: '*' });
      const rows = await filter(selectWithCreator())
        .orderBy([
          { column: 'j.created_at', order: 'desc' },
          { column: 'j.id', order: 'desc' },
        ])
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return { rows, total: Number(n) };
    },

    /**
     * An attempt starts: `running`. A cancelled record (or one whose cancel was asked for
     * while it waited) throws JobCancelledError instead, so the processor never runs.
     */
    async start(documentId: string, attempt: number): Promise<{ creatorId: number | null }> {
      const now = new Date();
      const rows = await db()(table())
        .where({ document_id: documentId })
        .whereNot('state', 'cancelled')
        .update({ state: 'running', attempts: attempt, started_at: db().raw('coalesce(started_at, ?)', [now]), finished_at: null, updated_at: now })
        .returning(['creator_id', 'cancel_requested']);
      if (rows.length === 0) {
        if (await db()(table()).where({ document_id: documentId }).first()) throw new JobCancelledError();
        // a job added around the service (from the board, say): nothing to keep in step, so no retries
        throw new UnrecoverableError(`No job record ${documentId}: add jobs through the jobs service`);
      }
      if (rows[0].cancel_requested) throw new JobCancelledError();
      return { creatorId: rows[0].creator_id ?? null };
    },

    async progress(documentId: string, progress: JobProgress) {
      await update(documentId, ['running'], { progress: JSON.stringify(progress) });
    },

    /** Ends an open record: `succeeded` with its result, `failed` with the reason, or `cancelled`. */
    async finish(documentId: string, state: 'succeeded' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: string | null }): Promise<number> {
      const values: Values = { state, finished_at: new Date() };
      if (outcome.result !== undefined) values.result = JSON.stringify(outcome.result);
      if (outcome.error !== undefined) values.error = outcome.error;
      return update(documentId, OPEN, values);
    },

    /**
     * An attempt failed and BullMQ will retry: back to `queued`, with the reason. Skipped
     * when the next attempt has already started (a short backoff can beat this write).
     */
    async retrying(documentId: string, error: string, attempt: number) {
      await update(documentId, OPEN, { state: 'queued', error }).where('attempts', '<=', attempt);
    },

    /** A running job went back to the queue (shutdown): `queued` again. */
    async requeue(documentId: string, reason: string) {
      await update(documentId, ['running'], { state: 'queued', error: reason });
    },

    /** Marks that a cancel was asked for; false when the record is already finished. */
    async requestCancel(documentId: string): Promise<boolean> {
      return (await update(documentId, OPEN, { cancel_requested: true })) > 0;
    },

    /** Open records not written for `olderThanMs`: what reconciliation checks against BullMQ. */
    async stale(olderThanMs: number, limit: number): Promise<Row[]> {
      return db()(table())
        .whereIn('state', OPEN)
        .where('updated_at', '<', new Date(Date.now() - olderThanMs))
        .orderBy('updated_at')
        .limit(limit)
        .select('document_id', 'kind', 'state', 'queue_job_id', 'cancel_requested');
    },
  };
};
