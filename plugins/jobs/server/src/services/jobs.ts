import type { Core } from '@strapi/strapi';
import type { JobsConfig } from '../config';
import { FINAL_STATES, JOB_STATES, MANAGE_RIGHT, type JobState } from '../constants';
import { accessService, ConflictError, InvalidError, NotFoundError, pageParams, pagination, type Actor } from 'strapi-plugin-access';
import { defaultJobOptions } from '../runtime/queue-settings';
import type { AddOptions } from '../types';
import type { JobRecord } from './records';
import { getService } from '../utils/get-service';

// BullMQ states in which a job has not started and can simply be removed
const NOT_STARTED = new Set(['waiting', 'delayed', 'prioritized', 'paused', 'waiting-children']);

/** Jobs as callers see them: add one, read yours (admins: all), cancel. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::jobs') as JobsConfig;
  const queues = () => getService(strapi, 'queues');
  const records = () => getService(strapi, 'records');
  const flags = () => getService(strapi, 'cancel-flags');
  // roles and rights come from config/roles.yaml, through the access plugin
  const seesAll = (who: Actor) => accessService(strapi, 'access').hasRight(who.role, MANAGE_RIGHT);

  /** The record when `who` may see it; 404 otherwise, so other users' jobs do not even show as existing. */
  async function visibleRow(documentId: string, who: Actor) {
    const row = await records().find(documentId);
    if (!row || !(seesAll(who) || (who.userId !== null && row.creator_id === who.userId))) {
      throw new NotFoundError(`Job ${documentId} not found`);
    }
    return row;
  }

  return {
    /**
     * Adds a job to queue `kind` and returns its record (`queued`). `data` is the payload
     * the processor gets: ids and options, kept small — never file contents.
     */
    async add(kind: string, data: unknown, options: AddOptions = {}): Promise<JobRecord> {
      const definition = queues().definition(kind);
      if (!definition) throw new InvalidError(`Unknown job kind "${kind}"`);
      const json = JSON.stringify(data ?? null);
      const bytes = Buffer.byteLength(json);
      if (bytes > config().maxPayloadBytes) {
        throw new InvalidError(`A ${kind} job payload of ${bytes} bytes is over the ${config().maxPayloadBytes}-byte limit: pass ids, not contents`);
      }
      const params = JSON.parse(json);
      const { attempts } = defaultJobOptions(config(), definition.options);
      const documentId = await records().create({ kind, params, creatorId: options.creator ?? null, maxAttempts: attempts ?? 1 });
      // the record's documentId is the BullMQ job id: one id for both, and adding twice is a no-op
      await records().setQueueJobId(documentId, documentId);
      // read before queueing: an inline worker may start the job before add() returns
      const queued = records().present(await records().get(documentId));
      try {
        await queues().queue(kind).add(kind, { params }, { jobId: documentId });
      } catch (error) {
        await records().finish(documentId, 'failed', { error: `Not queued: ${(error as Error).message}` });
        throw new Error(`jobs: could not queue a ${kind} job: ${(error as Error).message}`);
      }
      return queued;
    },

    /** One job, when `who` may see it. */
    async findOne(documentId: string, who: Actor): Promise<JobRecord> {
      return records().present(await visibleRow(documentId, who));
    },

    /** A page of `who`'s jobs (all jobs for admins), newest first, filtered by kind and status. */
    async list(query: Record<string, unknown>, who: Actor) {
      const { kind, status } = query;
      if (kind !== undefined && (typeof kind !== 'string' || !kind)) throw new InvalidError('kind must be a queue name');
      if (status !== undefined && !JOB_STATES.includes(status as JobState)) throw new InvalidError(`status must be one of ${JOB_STATES.join(', ')}`);
      const page = pageParams(query);
      // no user behind the call (a non-admin API token): no jobs of its own
      const creatorId = seesAll(who) ? undefined : (who.userId ?? -1);
      const { rows, total } = await records().list({ kind: kind as string | undefined, state: status as JobState | undefined, creatorId, ...page });
      return {
        data: rows.map((row) => records().present(row)),
        pagination: pagination(page, total),
      };
    },

    /**
     * Cancels a job: a waiting one is removed from its queue and ends `cancelled` now
     * (`pending: false`); a running one is flagged and ends `cancelled` at its processor's
     * next step boundary (`pending: true`). A finished job cannot be cancelled (409).
     */
    async cancel(documentId: string, who: Actor): Promise<{ record: JobRecord; pending: boolean }> {
      const row = await visibleRow(documentId, who);
      if (row.state === 'cancelled') return { record: records().present(row), pending: false };
      if (FINAL_STATES.includes(row.state)) throw new ConflictError(`Job ${documentId} has already ${row.state}`, { status: row.state });

      // the flag first: a job that starts from here on sees it at its first check
      await flags().raise(documentId);
      await records().requestCancel(documentId);
      const queue = queues().definition(row.kind) ? queues().queue(row.kind) : undefined;
      const job = queue ? await queue.getJob(row.queue_job_id ?? documentId) : undefined;
      const jobState = job ? await job.getState() : 'missing';
      if (jobState === 'missing' || (NOT_STARTED.has(jobState) && (await queue?.remove(job?.id as string)) === 1)) {
        await records().finish(documentId, 'cancelled', {});
        await flags().clear(documentId);
      }
      const record = records().present(await records().get(documentId));
      return { record, pending: record.status === 'queued' || record.status === 'running' };
    },
  };
};
