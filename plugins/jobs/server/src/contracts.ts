/** The types other packages build on (`import type … from 'strapi-plugin-jobs'`); types only. */
export type { AddOptions, JobContext, JobProcessor, JobProgress, QueueOptions } from './types';
export type { JobRecord } from './services/records';
export type { TypedQueue } from './services/queues';
