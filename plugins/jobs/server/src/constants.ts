export const PLUGIN_ID = 'jobs';
export const JOB_UID = 'plugin::jobs.job';

/** A job record's states; `state` in the table, `status` in the API (Strapi 5 reserves `status`). */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a record never leaves (a retry from the board revives `failed` only; see records.start). */
export const FINAL_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

/** Record writes on progress are throttled to one per this many milliseconds per job. */
export const PROGRESS_WRITE_INTERVAL_MS = 1000;

/** The right that sees every job and opens the board (config/roles.yaml). */
export const MANAGE_RIGHT = 'jobs.manage';
