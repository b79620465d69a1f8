/** A background job's state (the jobs plugin). */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job record as GET /api/jobs(/:id) answers it; `result` and `params` are the queue's own. */
export interface Job<Result = unknown, Params = unknown> {
  documentId: string;
  kind: string;
  status: JobState;
  progress: { done?: number; total?: number; message?: string } | null;
  params?: Params | null;
  result: Result | null;
  error: string | null;
  cancelRequested?: boolean;
  createdAt?: string;
  finishedAt?: string | null;
}

/** Still to change: queued or running (poll it). */
export const isOpen = (job: Pick<Job, 'status'> | undefined): boolean => !!job && (job.status === 'queued' || job.status === 'running');

/** One reading of a job's progress, at a moment in ms. */
export interface ProgressSample {
  at: number;
  done: number;
}

/**
 * Rows per second over the samples kept (the last `windowMs`): the speed now, not since the
 * start, so a job that waited in the queue does not read as slow. Null before two readings.
 */
export function ratePerSecond(samples: ProgressSample[], windowMs = 10_000): number | null {
  if (samples.length < 2) return null;
  const last = samples[samples.length - 1];
  const first = samples.find((s) => s.at >= last.at - windowMs) ?? samples[0];
  const seconds = (last.at - first.at) / 1000;
  if (first === last || seconds <= 0) return null;
  return Math.max(0, (last.done - first.done) / seconds);
}

/** Percent done (0–100, whole), 0 while the total is unknown. */
export function percentDone(progress: Job['progress']): number {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/** Bytes as people read them: 1.5 KB, 15 KB, 3.4 MB (one decimal under 10). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
