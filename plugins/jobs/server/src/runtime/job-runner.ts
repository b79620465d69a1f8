import { WaitingError, type Job, type Processor } from 'bullmq';
import { PROGRESS_WRITE_INTERVAL_MS } from '../constants';
import { JobCancelledError, JobInterruptedError } from '../errors';
import type { JobContext, JobProgress, StoredJobData } from '../types';
import type { QueueDefinition } from '../services/queues';
import { ProgressThrottle } from './progress-throttle';

/** A job this process is running, for shutdown to hand back. */
export interface ActiveJob {
  job: Job<StoredJobData>;
  token: string;
  abort: AbortController;
}

/** What the runner needs from the plugin. */
export interface RunnerDeps {
  start(documentId: string, attempt: number): Promise<{ creatorId: number | null }>;
  writeProgress(documentId: string, progress: JobProgress): Promise<void>;
  requeue(documentId: string, reason: string): Promise<void>;
  isCancelRequested(documentId: string): Promise<boolean>;
  isStopping(): boolean;
  active: Map<string, ActiveJob>;
  warn(message: string): void;
}

const checkProgress = (p: JobProgress) => {
  if (!p || !Number.isFinite(p.done) || !Number.isFinite(p.total) || p.done < 0 || p.total < 0) {
    throw new TypeError('progress needs finite, non-negative done and total');
  }
};

/**
 * The BullMQ processor of a queue: marks the record running, hands the queue's processor
 * its context (progress, step state, cancel checks), and at a step boundary during
 * shutdown puts the job back in the queue instead of failing it.
 */
export function createRunner(definition: QueueDefinition, deps: RunnerDeps): Processor<StoredJobData> {
  return async (job: Job<StoredJobData>, token?: string, signal?: AbortSignal) => {
    const id = job.id as string;
    const { creatorId } = await deps.start(id, job.attemptsStarted);
    if (await deps.isCancelRequested(id)) throw new JobCancelledError();

    const abort = new AbortController();
    signal?.addEventListener('abort', () => abort.abort(signal.reason), { once: true });
    deps.active.set(id, { job, token: token as string, abort });
    const throttle = new ProgressThrottle<JobProgress>(async (progress) => {
      try {
        await deps.writeProgress(id, progress);
        await job.updateProgress({ ...progress });
      } catch (error) {
        // progress is advisory: a lost write must not fail the job
        deps.warn(`jobs: progress of ${definition.name} ${id} not written: ${(error as Error).message}`);
      }
    }, PROGRESS_WRITE_INTERVAL_MS);

    const ctx: JobContext<unknown, JobProgress> = {
      id,
      kind: definition.name,
      data: job.data.params,
      creatorId,
      attempt: job.attemptsStarted,
      step: job.data.step,
      signal: abort.signal,
      bullJob: job,
      progress: (progress) => {
        checkProgress(progress);
        return throttle.push({ done: progress.done, total: progress.total, message: progress.message ?? null });
      },
      saveStep: (step) => job.updateData({ ...job.data, step }),
      throwIfCancelled: async () => {
        if (deps.isStopping()) throw new JobInterruptedError();
        if (await deps.isCancelRequested(id)) throw new JobCancelledError();
      },
    };

    try {
      const result = await definition.processor(ctx);
      await throttle.flush();
      return result;
    } catch (error) {
      await throttle.flush();
      if (error instanceof JobInterruptedError) {
        // not a failed attempt: the job goes back to wait for any worker to take it again
        await job.moveToWait(token);
        await deps.requeue(id, error.message);
        throw new WaitingError();
      }
      throw error;
    } finally {
      throttle.stop();
      deps.active.delete(id);
    }
  };
}

