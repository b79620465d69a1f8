import { UnrecoverableError } from 'bullmq';
import { errors } from '@strapi/utils';

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

/** The job is in a state the request cannot apply to (cancel a finished job): a 409. */
export class JobConflictError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'JobConflictError';
  }
}

/** Whether BullMQ handed us a cancellation (the class may come from another copy of the module). */
export const isCancellation = (error: unknown) => error instanceof JobCancelledError || (error as Error | undefined)?.name === 'JobCancelledError';

export const { ValidationError, NotFoundError } = errors;
