import type { Core } from '@strapi/strapi';

/** What a processor of the jobs plugin is handed (the part OCR uses). */
export interface JobContext<Data, Step> {
  readonly id: string;
  readonly data: Data;
  readonly step: Step | undefined;
  progress(progress: { done: number; total: number; message?: string | null }): Promise<void>;
  saveStep(step: Step): Promise<void>;
  throwIfCancelled(): Promise<void>;
}

/** A job record as the jobs plugin returns it. */
export interface JobRecord {
  documentId: string;
  status: string;
}

interface QueuesService {
  registerQueue<Data, Result, Step>(
    name: string,
    processor: (ctx: JobContext<Data, Step>) => Promise<Result>,
    options?: { attempts?: number; concurrency?: number },
  ): { name: string; add(data: Data, options?: { creator?: number | null }): Promise<JobRecord> };
}

/** The jobs plugin's queue registry, typed structurally so this plugin never imports it. */
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
