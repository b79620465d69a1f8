import type { Core } from '@strapi/strapi';
import type { JobContext, JobProgress, JobRecord } from 'strapi-plugin-jobs';

/** What an OCR job's processor is handed: the jobs plugin's context with OCR's data and step. */
export type OcrJobContext<Data, Step> = JobContext<Data, JobProgress, Step>;
export type { JobRecord };

interface QueuesService {
  registerQueue<Data, Result, Step>(
    name: string,
    processor: (ctx: OcrJobContext<Data, Step>) => Promise<Result>,
    options?: { attempts?: number; concurrency?: number },
  ): { name: string; add(data: Data, options?: { creator?: number | null }): Promise<JobRecord> };
}

/** The jobs plugin's queue registry (plugins share services, not modules). */
export const queuesService = (strapi: Core.Strapi) => strapi.plugin('jobs').service('queues') as unknown as QueuesService;

/**
 * Bad input that no retry can fix. BullMQ recognises UnrecoverableError by name too, so
 * this plugin needs no BullMQ of its own.
 */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}
