import type { Job } from 'bullmq';

/** Progress as a job record shows it: `done` of `total` steps and what is happening. */
export interface JobProgress {
  done: number;
  total: number;
  message?: string | null;
}

/** What a processor is handed for one attempt of one job. */
export interface JobContext<Data, Progress extends JobProgress = JobProgress, Step = unknown> {
  /** The job record's documentId, which is also the BullMQ job id. */
  readonly id: string;
  /** The queue name. */
  readonly kind: string;
  /** The payload given to `add`: ids and options, never file bytes. */
  readonly data: Data;
  /** The user who asked for the job, when one did. */
  readonly creatorId: number | null;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** The step state the last attempt saved with `saveStep`, so a retry resumes there. */
  readonly step: Step | undefined;
  /** Aborted when this process gives the job up (shutdown timeout): stop soon. */
  readonly signal: AbortSignal;
  /** Reports progress; the record is written at most once a second (the last value always lands). */
  progress(progress: Progress): Promise<void>;
  /** Saves step state in the BullMQ job, for `step` of a later attempt. */
  saveStep(step: Step): Promise<void>;
  /**
   * A step boundary: throws when the job was cancelled (it ends `cancelled`) or this worker
   * is shutting down (the job goes back to the queue). Call it between steps.
   */
  throwIfCancelled(): Promise<void>;
  /** The underlying BullMQ job, for what the context does not cover. */
  readonly bullJob: Job;
}

/** A queue's processor: idempotent (it may run again after a crash), built from steps. */
export type JobProcessor<Data, Result, Progress extends JobProgress = JobProgress, Step = unknown> = (
  ctx: JobContext<Data, Progress, Step>,
) => Promise<Result>;

/** Per-queue options of `registerQueue`; env and plugin config override them (README). */
export interface QueueOptions {
  /** Jobs run at once per worker process (JOBS_CONCURRENCY_<QUEUE> wins). */
  concurrency?: number;
  /** Tries per job, the first included (JOBS_ATTEMPTS when unset). */
  attempts?: number;
  /** First retry delay in ms, doubled each retry, with jitter (JOBS_BACKOFF_MS when unset). */
  backoffMs?: number;
}

/** Who asks for a job. */
export interface AddOptions {
  /** Users & Permissions user id; null for system jobs. */
  creator?: number | null;
}

/** The BullMQ job data of every queue: the payload and the saved step. */
export interface StoredJobData<Data = unknown, Step = unknown> {
  params: Data;
  step?: Step;
}
