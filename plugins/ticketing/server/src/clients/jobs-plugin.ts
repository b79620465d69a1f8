import type { Core } from '@strapi/strapi';
import { DomainError } from 'strapi-plugin-access';

/**
 * The slice of the jobs plugin this plugin uses, declared here rather than imported: ticketing
 * builds and boots without the jobs plugin (docs/architecture.md), which only its migrations need.
 */
export interface JobRecordView {
  documentId: string;
  kind: string;
  status: string;
  result: unknown;
  params: unknown;
}

/** What a processor is handed for one attempt (the jobs plugin's JobContext, the parts used here). */
export interface QueueJobContext<Data, Step> {
  readonly id: string;
  readonly data: Data;
  readonly step: Step | undefined;
  progress(progress: { done: number; total: number; message?: string | null }): Promise<void>;
  saveStep(step: Step): Promise<void>;
  throwIfCancelled(): Promise<void>;
}

export interface RegisteredQueue<Data> {
  name: string;
  add(data: Data, options?: { creator?: number | null }): Promise<JobRecordView>;
}

interface QueuesService {
  registerQueue<Data, Result, Step>(
    name: string,
    processor: (ctx: QueueJobContext<Data, Step>) => Promise<Result>,
    options?: { attempts?: number; concurrency?: number },
  ): RegisteredQueue<Data>;
}

interface JobsService {
  /** The record when `who` may see it; 404 otherwise. */
  findOne(documentId: string, who: { userId: number | null; role: string | null }): Promise<JobRecordView>;
}

/** The jobs plugin's services, or null when the app runs without it. */
export function jobsPlugin(strapi: Core.Strapi): { queues: QueuesService; jobs: JobsService } | null {
  const plugin = strapi.plugin('jobs');
  if (!plugin) return null;
  return { queues: plugin.service('queues') as unknown as QueuesService, jobs: plugin.service('jobs') as unknown as JobsService };
}

/** A feature that needs a plugin the app was started without: 503, nothing done. */
export class UnavailableError extends DomainError {
  readonly status = 503;
  readonly errorName = 'ServiceUnavailableError';
}

/** Bad input no retry can fix; BullMQ knows it by its name, so no BullMQ import is needed. */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}
