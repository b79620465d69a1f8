import type { Core } from '@strapi/strapi';
import { accessService, InvalidError, NotFoundError, type Actor } from 'strapi-plugin-access';
import { MIGRATION_ENTRY_UID, TICKET_TYPE_REVISION_UID, TICKET_UID } from '../constants';
import { jobsPlugin, UnavailableError, UnrecoverableJobError, type QueueJobContext, type RegisteredQueue } from '../clients/jobs-plugin';
import type { FieldDefinition, Locale } from '../field-types';
import { migrateForm } from '../migrations/migrate-form';
import { buildPlan, MigrationRequestError, requestBody, requestedVersions, type MigrationPlan } from '../migrations/migration-request';
import { migrationReport, type MigrationCounts, type MigrationEntry, type MigrationOutcome } from '../migrations/migration-report';
import { unknownPhotoErrors } from '../photos/form-photos';
import { photosOf } from '../photos/stored-photo';
import { diffForms } from '../tickets/form-diff';
import { FormValidator, type FormResult } from '../tickets/form-validator';
import type { TicketRow } from '../tickets/ticket-row';
import { getService } from '../utils/get-service';
import { parseJsonColumn } from '../utils/json-column';
import type { TypeDefinition } from './ticket-types';
import type { WriteContext } from './tickets';

export const MIGRATION_QUEUE = 'ticket-migration';
/** Tickets read per round trip: each is then written in its own short transaction. */
const BATCH_SIZE = 200;
/**
 * Tickets of a batch moved at once, each in its own transaction (so as many pool connections):
 * a ticket's transaction is a handful of round trips, mostly waiting on PostgreSQL.
 */
const WRITE_CONCURRENCY = 4;
/** The jobs plugin refuses payloads over 16 KiB; a plan this big is refused with a 400 first. */
const MAX_PLAN_BYTES = 12_000;

/** A migration job's payload: the checked plan, and who asked in which language. */
export interface MigrationJobData extends MigrationPlan {
  locale: Locale;
  actor: Actor;
  requestId: string | null;
}

/** Saved after each batch: where the next attempt resumes. */
interface MigrationStep {
  afterId: number;
  done: number;
  total: number;
}

export interface MigrationResult {
  typeKey: string;
  from: number;
  to: number;
  dryRun: boolean;
  counts: MigrationCounts;
}

type BatchRow = Pick<TicketRow, 'id' | 'document_id' | 'form_data' | 'version' | 'photos'>;

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure once all settled. */
async function eachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  const failed = (await Promise.allSettled(lanes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Moving tickets of a type from one version to another on purpose: the request checked and
 * queued, the job that moves each ticket in a short transaction of its own (or, in a dry run,
 * only says what it would do), its per-ticket report, and the versions with their ticket counts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldTypes = () => getService(strapi, 'field-types');
  const ticketTypes = () => getService(strapi, 'ticket-types');
  const validator = new FormValidator(getService(strapi, 'field-types').registry);
  const tickets = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const report = migrationReport(
    () => strapi.db.connection,
    () => strapi.db.metadata.get(MIGRATION_ENTRY_UID).tableName,
  );
  let queue: RegisteredQueue<MigrationJobData> | undefined;

  /** The check every write of a ticket on `target` passes: its form validator and its photo list. */
  const checkFor =
    (target: TypeDefinition, photoIds: string[], locale: Locale) =>
    (form: Record<string, unknown>): FormResult => {
      const result = validator.validate(form, target, locale, fieldTypes().parseContext());
      if (!result.ok) return result;
      const photoErrors = unknownPhotoErrors(result.form, target.fields, photoIds);
      return photoErrors.length ? { ok: false, errors: photoErrors } : result;
    };

  const verdict = (row: BatchRow, data: MigrationJobData, target: TypeDefinition) =>
    migrateForm(
      parseJsonColumn(row.form_data) ?? {},
      data,
      target.fields,
      checkFor(target, photosOf(row).map((p) => p.id), data.locale),
      data.locale,
    );

  /** Moves one ticket under its row lock; null when it left version `from` since the batch was read. */
  async function migrateOne(row: BatchRow, data: MigrationJobData, target: TypeDefinition, jobId: string): Promise<MigrationEntry | null> {
    return strapi.db.connection.transaction(async (trx) => {
      const locked: BatchRow | undefined = await trx(tickets())
        .where({ id: row.id, type_key: data.typeKey, type_version: data.from })
        .forUpdate()
        .first('id', 'document_id', 'form_data', 'version', 'photos');
      if (!locked) return null;
      // judged on the locked row: an edit that landed after the batch was read is what moves
      const moved = verdict(locked, data, target);
      if (!moved.ok) return { id: locked.document_id, outcome: 'kept', reasons: moved.reasons };
      await trx(tickets())
        .where({ id: locked.id })
        .update({ form_data: JSON.stringify(moved.form), type_version: data.to, version: locked.version + 1, updated_at: new Date() });
      await getService(strapi, 'audit').append(trx, [
        {
          entityKind: 'ticket',
          entityId: locked.document_id,
          action: 'migrate',
          actor: data.actor,
          diff: diffForms(parseJsonColumn(locked.form_data), moved.form),
          meta: { from: data.from, to: data.to, jobId },
          requestId: data.requestId,
        },
      ]);
      const entry: MigrationEntry = { id: locked.document_id, outcome: 'migrated', reasons: [] };
      await report.record(jobId, [entry], trx);
      return entry;
    });
  }

  const onFrom = (data: MigrationPlan) => strapi.db.connection(tickets()).where({ type_key: data.typeKey, type_version: data.from });

  async function run(ctx: QueueJobContext<MigrationJobData, MigrationStep>): Promise<MigrationResult> {
    const data = ctx.data;
    const target = await ticketTypes()
      .definition(data.typeKey, data.to)
      .catch((error) => {
        throw error instanceof NotFoundError ? new UnrecoverableJobError(error.message) : error;
      });
    await report.ensureIndex();
    const step: MigrationStep = ctx.step ?? { afterId: 0, done: 0, total: Number((await onFrom(data).count({ n: '*' }))[0].n) };
    await ctx.progress({ done: step.done, total: step.total });
    for (;;) {
      await ctx.throwIfCancelled();
      const batch: BatchRow[] = await onFrom(data)
        .where('id', '>', step.afterId)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .select('id', 'document_id', 'form_data', 'version', 'photos');
      if (!batch.length) break;
      const lines: MigrationEntry[] = [];
      if (data.dryRun) {
        for (const row of batch) {
          const moved = verdict(row, data, target);
          lines.push({ id: row.document_id, outcome: moved.ok ? 'migrated' : 'kept', reasons: moved.ok ? [] : moved.reasons });
        }
      } else {
        await eachConcurrently(batch, WRITE_CONCURRENCY, async (row) => {
          const entry = await migrateOne(row, data, target, ctx.id);
          // a migrated ticket's line was written with it
          if (entry?.outcome === 'kept') lines.push(entry);
        });
      }
      await report.record(ctx.id, lines);
      step.afterId = batch[batch.length - 1].id;
      step.done += batch.length;
      await ctx.saveStep({ ...step });
      await ctx.progress({ done: step.done, total: Math.max(step.total, step.done) });
    }
    return { typeKey: data.typeKey, from: data.from, to: data.to, dryRun: data.dryRun, counts: await report.counts(ctx.id) };
  }

  /** A version of the type for a request: unknown ones are the request's fault (400). */
  async function requestedDefinition(key: string, version: number): Promise<TypeDefinition> {
    return ticketTypes()
      .definition(key, version)
      .catch((error) => {
        throw error instanceof NotFoundError ? new InvalidError(error.message) : error;
      });
  }

  /** A default as the field's own type reads input, then its rules. */
  const parseDefault = (locale: Locale) => (field: FieldDefinition, value: unknown) => {
    const parsed = fieldTypes().registry.require(field.type).parse(value, field, fieldTypes().parseContext());
    if (!parsed.ok || parsed.value === null) return parsed;
    const problem = fieldTypes().check(field, parsed.value, locale);
    return problem ? { ok: false as const, error: problem } : parsed;
  };

  return {
    /** Registers the migration queue with the jobs plugin, when the app has it (every process does). */
    register() {
      const jobs = jobsPlugin(strapi);
      if (jobs) queue = jobs.queues.registerQueue<MigrationJobData, MigrationResult, MigrationStep>(MIGRATION_QUEUE, run);
    },

    /** Checks a migration request against both versions and queues its job; 400 naming what is wrong. */
    async start(key: string, body: unknown, ctx: WriteContext) {
      if (!queue) throw new UnavailableError('Migrations run as jobs, and this app runs without the jobs plugin');
      if (!(await ticketTypes().findByKey(key))) throw new InvalidError(`Unknown ticket type "${key}"`);
      let plan: MigrationPlan;
      try {
        const fields = requestBody(body);
        const { from, to } = requestedVersions(fields);
        const [source, target] = await Promise.all([requestedDefinition(key, from), requestedDefinition(key, to)]);
        plan = buildPlan(key, fields, { from, to, fromFields: source.fields, toFields: target.fields }, parseDefault(ctx.locale));
      } catch (error) {
        if (error instanceof MigrationRequestError) throw new InvalidError(error.message);
        throw error;
      }
      if (JSON.stringify(plan).length > MAX_PLAN_BYTES) throw new InvalidError(`The renames and defaults are too large (over ${MAX_PLAN_BYTES} bytes)`);
      return queue.add({ ...plan, locale: ctx.locale, actor: ctx.actor, requestId: ctx.requestId ?? null }, { creator: ctx.actor.userId });
    },

    /** Every version of a type, oldest first, with when it was made, its fields and how many tickets sit on it. */
    async versions(key: string) {
      const entry = await ticketTypes().findByKey(key);
      if (!entry) throw new NotFoundError(`Unknown ticket type "${key}"`);
      const revisions = strapi.db.metadata.get(TICKET_TYPE_REVISION_UID).tableName;
      const { rows } = await strapi.db.connection.raw(
        `SELECT r.version, r.created_at, r.fields, count(t.id)::int AS tickets
           FROM ?? r LEFT JOIN ?? t ON t.type_key = r.type_key AND t.type_version = r.version
          WHERE r.type_key = ?
          GROUP BY r.id ORDER BY r.version`,
        [revisions, tickets(), key],
      );
      const timestamps = accessService(strapi, 'timestamps');
      return {
        key,
        current: entry.version,
        versions: (rows as { version: number; created_at: Date; fields: unknown; tickets: number }[]).map((r) => ({
          version: r.version,
          createdAt: timestamps.format(r.created_at),
          current: r.version === entry.version,
          tickets: r.tickets,
          fields: ((parseJsonColumn(r.fields) ?? []) as FieldDefinition[]).map((f) => ({ key: f.key, type: f.type, label: f.label, required: !!f.required })),
        })),
      };
    },

    /** A page of a migration job's report with its counts; 404 for a job that is not a migration of `key`. */
    async report(key: string, jobId: string, who: Actor, query: { outcome?: MigrationOutcome; page: number; pageSize: number }) {
      const jobs = jobsPlugin(strapi);
      if (!jobs) throw new UnavailableError('Migrations run as jobs, and this app runs without the jobs plugin');
      const job = await jobs.jobs.findOne(jobId, who);
      const params = job.params as Partial<MigrationJobData> | null;
      if (job.kind !== MIGRATION_QUEUE || params?.typeKey !== key) throw new NotFoundError(`No migration ${jobId} of ticket type "${key}"`);
      const [counts, page] = await Promise.all([report.counts(jobId), report.page(jobId, query.outcome, query.page, query.pageSize)]);
      return {
        jobId,
        status: job.status,
        typeKey: key,
        from: params.from,
        to: params.to,
        dryRun: params.dryRun,
        counts,
        entries: page.entries,
        total: page.total,
      };
    },
  };
};
