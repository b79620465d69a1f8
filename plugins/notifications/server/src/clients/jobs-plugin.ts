import type { Core } from '@strapi/strapi';

/** The slice of a jobs plugin job context this plugin uses (declared here: no build-time link to the jobs plugin). */
export interface NotifyJobContext<Data> {
  readonly id: string;
  readonly data: Data;
  readonly attempt: number;
  readonly bullJob: { attemptsMade: number; opts: { attempts?: number } };
}

interface QueuesService {
  registerQueue<Data, Result>(
    name: string,
    processor: (ctx: NotifyJobContext<Data>) => Promise<Result>,
    options?: { attempts?: number; backoffMs?: number; concurrency?: number },
  ): { name: string; add(data: Data, options?: { creator?: number | null }): Promise<{ documentId: string }> };
}

/** The jobs plugin's queue registry (plugins share services, not modules). */
export const queuesService = (strapi: Core.Strapi) => strapi.plugin('jobs').service('queues') as unknown as QueuesService;

/** Adds a job to a registered queue by name, from anywhere. */
export const addJob = (strapi: Core.Strapi, queue: string, data: unknown) =>
  (strapi.plugin('jobs').service('jobs') as unknown as { add(kind: string, data: unknown, options?: { creator?: number | null }): Promise<{ documentId: string }> }).add(queue, data, { creator: null });

/** This attempt is the queue's last: a failure now is final (failed attempts so far, plus this one). */
export const isLastAttempt = (ctx: NotifyJobContext<unknown>) => ctx.bullJob.attemptsMade + 1 >= (ctx.bullJob.opts.attempts ?? 1);

/** Bad input that no retry can fix; BullMQ recognises it by name, so the plugin needs no BullMQ of its own. */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}
