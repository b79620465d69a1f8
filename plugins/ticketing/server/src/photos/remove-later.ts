/** How often and how long objects storage refused to remove are tried again. */
export interface RetryPlan {
  firstDelayMs: number;
  maxDelayMs: number;
  attempts: number;
}

// doubling from 1 s to a minute: about half an hour of tries, enough for storage to restart
export const REMOVAL_RETRIES: RetryPlan = { firstDelayMs: 1000, maxDelayMs: 60_000, attempts: 35 };

/**
 * Runs `remove` until it succeeds: now (the promise settles after this first try, never
 * rejecting), then, while it fails, again with growing delays in the background — file storage
 * down is the usual reason an upload failed, and what it had stored must go once storage is
 * back. An object in no ticket's list is read by nobody; left behind it would only be waste.
 * The timers do not keep the process alive; the last failure is handed to `giveUp`.
 */
export async function removeUntilDone(remove: () => Promise<unknown>, giveUp: (error: unknown) => void, plan: RetryPlan = REMOVAL_RETRIES): Promise<void> {
  const retry = (n: number, delayMs: number) => {
    setTimeout(() => {
      remove().catch((error: unknown) => (n + 1 >= plan.attempts ? giveUp(error) : retry(n + 1, Math.min(delayMs * 2, plan.maxDelayMs))));
    }, delayMs).unref();
  };
  await remove().catch(() => (plan.attempts > 1 ? retry(1, plan.firstDelayMs) : undefined));
}
