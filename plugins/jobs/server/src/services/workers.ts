import { Worker, type Job } from 'bullmq';
import type { Core } from '@strapi/strapi';
import type { JobsConfig } from '../config';
import { isCancellation, JobInterruptedError } from '../errors';
import { recordDuration } from '../runtime/duration-histogram';
import { createRunner, type ActiveJob } from '../runtime/job-runner';
import { queueConcurrency } from '../runtime/queue-settings';
import type { StoredJobData } from '../types';
import type { QueueDefinition } from './queues';
import { getService } from '../utils/get-service';

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * The workers of this process (WORKERS=inline): one BullMQ Worker per queue, the record
 * writes that follow BullMQ's events, periodic reconciliation, and graceful shutdown.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workers = new Map<string, Worker<StoredJobData>>();
  const active = new Map<string, ActiveJob>();
  // record writes started by worker events, awaited before the database closes
  const pending = new Set<Promise<void>>();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let reconcileTimer: NodeJS.Timeout | undefined;

  const config = () => strapi.config.get('plugin::jobs') as JobsConfig;
  const queues = () => getService(strapi, 'queues');
  const records = () => getService(strapi, 'records');
  const flags = () => getService(strapi, 'cancel-flags');

  function track(work: Promise<void>) {
    const p = work.catch((error) => {
      strapi.log.error(`jobs: record write failed: ${(error as Error).message}`);
    });
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  async function observe(queue: string, outcome: string, job: Job) {
    if (!job.processedOn || !job.finishedOn) return;
    const seconds = Math.max(0, job.finishedOn - job.processedOn) / 1000;
    await recordDuration(queues().client(), queues().key('durations', queue), outcome, seconds);
  }

  async function onCompleted(queue: string, job: Job, result: unknown) {
    await records().finish(job.id as string, 'succeeded', { result: result ?? null, error: null });
    await observe(queue, 'succeeded', job);
  }

  async function onFailed(queue: string, job: Job | undefined, error: Error) {
    if (!job) return; // removed by removeOnFail before we saw it; nothing to mirror
    const id = job.id as string;
    if (isCancellation(error)) {
      await records().finish(id, 'cancelled', {});
      await flags().clear(id);
      await observe(queue, 'cancelled', job);
    } else if (job.finishedOn) {
      await records().finish(id, 'failed', { error: error.message });
      await observe(queue, 'failed', job);
      await getService(strapi, 'alerts').jobFailed(queue, id, error.message);
    } else {
      await records().retrying(id, error.message, job.attemptsStarted);
    }
  }

  function startWorker(definition: QueueDefinition) {
    const cfg = config();
    const runner = createRunner(definition, {
      start: (id, attempt) => records().start(id, attempt),
      writeProgress: (id, progress) => records().progress(id, progress),
      requeue: (id, reason) => records().requeue(id, reason),
      isCancelRequested: (id) => flags().isRaised(id),
      isStopping: () => state === 'stopping',
      active,
      warn: (message) => strapi.log.warn(message),
    });
    const worker = new Worker<StoredJobData>(definition.name, runner, {
      connection: queues().workerConnection(),
      prefix: queues().prefix(definition.name),
      concurrency: queueConcurrency(definition.name, cfg, definition.options),
      lockDuration: cfg.lockDurationMs,
      stalledInterval: cfg.stalledIntervalMs,
      maxStalledCount: cfg.maxStalledCount,
    });
    worker.on('error', (error) => strapi.log.warn(`jobs: worker ${definition.name}: ${error.message}`));
    worker.on('completed', (job, result) => track(onCompleted(definition.name, job, result)));
    worker.on('failed', (job, error) => track(onFailed(definition.name, job, error)));
    worker.on('stalled', (id) => strapi.log.warn(`jobs: ${definition.name} job ${id} stalled (its worker died?); back in the queue`));
    workers.set(definition.name, worker);
  }

  /** Puts a job that did not reach a step boundary in time back in the queue. */
  async function handBack({ job, token, abort }: ActiveJob) {
    abort.abort(new JobInterruptedError());
    try {
      await job.moveToWait(token);
      await records().requeue(job.id as string, 'Interrupted: the worker stopped before the job reached a step boundary');
    } catch (error) {
      // the lock then expires and another worker takes the job as stalled
      strapi.log.warn(`jobs: could not hand back ${job.id}: ${(error as Error).message}`);
    }
  }

  return {
    /** Starts a worker per registered queue when WORKERS=inline (the app calls this at the end of its bootstrap). */
    async start() {
      if (config().workers !== 'inline' || state !== 'idle') return;
      state = 'running';
      for (const definition of queues().definitions()) startWorker(definition);
      queues().onRegister((definition) => {
        if (state === 'running') startWorker(definition);
      });
      // connected workers before "running" is logged; but Redis being away must not hold up the boot
      const ready = await Promise.race([
        Promise.all([...workers.values()].map((w) => w.waitUntilReady())).then(() => true),
        sleep(5000).then(() => false),
      ]);
      if (!ready) strapi.log.warn('jobs: Redis does not answer yet; the workers will start when it does');
      const every = config().reconcileIntervalMs;
      if (every > 0) {
        reconcileTimer = setInterval(() => {
          this.reconcile().catch((error) => strapi.log.warn(`jobs: reconcile: ${(error as Error).message}`));
        }, every);
        reconcileTimer.unref();
      }
      strapi.log.info(`jobs: workers running for ${[...workers.keys()].join(', ') || 'no queue'}`);
    },

    isRunning: () => state === 'running',

    /**
     * Graceful stop: no new jobs; running ones finish, or go back to the queue at their next
     * step boundary; what is still running after the shutdown timeout is handed back too.
     * Either way no record is left `running`.
     */
    async stop() {
      if (state !== 'running') return;
      state = 'stopping';
      if (reconcileTimer) clearInterval(reconcileTimer);
      const closing = Promise.all([...workers.values()].map((w) => w.close()));
      const closed = await Promise.race([closing.then(() => true), sleep(config().shutdownTimeoutMs).then(() => false)]);
      if (!closed) {
        strapi.log.warn(`jobs: ${active.size} job(s) still running after ${config().shutdownTimeoutMs} ms; handing them back`);
        await Promise.all([...active.values()].map(handBack));
      }
      await Promise.all([...pending]);
      workers.clear();
      state = 'stopped';
    },

    /**
     * Brings open records in line with BullMQ where they drifted (a crash between a
     * BullMQ commit and the record write, a job removed from the board or lost with
     * Redis): finished jobs end their record, missing ones fail it. Returns how many changed.
     */
    async reconcile(olderThanMs = Math.max(60_000, 2 * config().lockDurationMs)): Promise<number> {
      let changed = 0;
      for (const row of await records().stale(olderThanMs, 200)) {
        if (!queues().definition(row.kind)) continue;
        const id = row.queue_job_id ?? row.document_id;
        const job = await queues().queue(row.kind).getJob(id);
        const jobState = job ? await job.getState() : 'missing';
        if (jobState === 'completed' && job) {
          changed += await records().finish(row.document_id, 'succeeded', { result: job.returnvalue ?? null, error: null });
        } else if (jobState === 'failed' && job) {
          const cancelled = !!row.cancel_requested;
          changed += await records().finish(row.document_id, cancelled ? 'cancelled' : 'failed', { error: job.failedReason ?? null });
        } else if (jobState === 'missing' || jobState === 'unknown') {
          changed += await records().finish(row.document_id, 'failed', { error: 'Lost: the job is no longer in its queue' });
        }
      }
      return changed;
    },
  };
};
