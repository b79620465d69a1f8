import { UnrecoverableError } from 'bullmq';

/**
 * Thrown at a step boundary of a cancelled job. An UnrecoverableError, so BullMQ does not
 * retry it; the record ends `cancelled`, not `failed`.
 */
export class JobCancelledError extends UnrecoverableError {
  constructor() {
    super('Cancelled');
    // BullMQ matches the name too; keep it recognisable in failedReason and logs
    this.name = 'JobCancelledError';
  }
}

/** Thrown at a step boundary while the worker shuts down: the job goes back to the queue. */
export class JobInterruptedError extends Error {
  constructor() {
    super('Interrupted: the worker is shutting down');
    this.name = 'JobInterruptedError';
  }
}

/** Whether BullMQ handed us a cancellation (the class may come from another copy of the module). */
export const isCancellation = (error: unknown) => error instanceof JobCancelledError || (error as Error | undefined)?.name === 'JobCancelledError';
