import type { DefaultJobOptions } from 'bullmq';
import type { JobsConfig } from '../config';
import type { QueueOptions } from '../types';

/** A queue name as it appears in env names: `ocr` → `OCR`, `excel-io` → `EXCEL_IO`. */
export const envSuffix = (queue: string) => queue.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/** Concurrency per worker process: JOBS_CONCURRENCY_<QUEUE>, else the registration, else JOBS_CONCURRENCY. */
export function queueConcurrency(queue: string, config: JobsConfig, options: QueueOptions): number {
  return config.queueConcurrency[envSuffix(queue)] ?? options.concurrency ?? config.concurrency;
}

/**
 * Options every job of the queue gets: tries with exponential backoff and jitter (so a
 * burst of failures does not retry in lockstep), and how many finished jobs Redis keeps.
 */
export function defaultJobOptions(config: JobsConfig, options: QueueOptions): DefaultJobOptions {
  return {
    attempts: options.attempts ?? config.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs ?? config.backoffMs, jitter: config.backoffJitter },
    removeOnComplete: { count: config.keepCompleted },
    removeOnFail: { count: config.keepFailed },
  };
}

/** A queue name other plugins may register: lower-case words, digits and dashes. */
export const isQueueName = (name: unknown): name is string => typeof name === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(name);

/**
 * The BullMQ prefix of queue `name`. BullMQ's scripts touch many keys of a queue at once, so on
 * a Redis Cluster they must share a slot: each queue gets a hash tag of its own (`{ocr}`), which
 * also spreads the queues over the masters. One server keeps the plain prefix and its key names.
 */
export function queuePrefix(prefix: string, name: string, cluster: boolean): string {
  return cluster ? `${prefix}:{${name}}` : prefix;
}
