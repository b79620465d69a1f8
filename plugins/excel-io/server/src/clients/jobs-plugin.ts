import type { Core } from '@strapi/strapi';
import type { JobContext, JobProgress, JobRecord } from 'strapi-plugin-jobs';
import type { ActorRef } from './ticketing-plugin';

/** What an import job's processor is handed: the jobs plugin's context with this plugin's data and step. */
export type ImportJobContext<Data, Step> = JobContext<Data, JobProgress, Step>;
export type { JobRecord };

interface QueuesService {
  registerQueue<Data, Result, Step>(
    name: string,
    processor: (ctx: ImportJobContext<Data, Step>) => Promise<Result>,
    options?: { attempts?: number; concurrency?: number },
  ): { name: string; add(data: Data, options?: { creator?: number | null }): Promise<JobRecord> };
}

interface JobsService {
  /** The record when `who` may see it (its creator, or a holder of jobs.manage); 404 otherwise. */
  findOne(documentId: string, who: ActorRef): Promise<JobRecord>;
}

/** The jobs plugin's queue registry (plugins share services, not modules). */
export const queuesService = (strapi: Core.Strapi) => strapi.plugin('jobs').service('queues') as unknown as QueuesService;
export const jobsService = (strapi: Core.Strapi) => strapi.plugin('jobs').service('jobs') as unknown as JobsService;

/**
 * Bad input that no retry can fix. BullMQ recognises UnrecoverableError by name, so this
 * plugin needs no BullMQ of its own.
 */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}
