/** Plugin options, set in the app's `config/plugins.ts` under `jobs.config` (env names in the README). */
export interface JobsConfig {
  /** `inline`: this process runs the workers once the app has booted; `off`: it only adds jobs. */
  workers: 'inline' | 'off';
  redisUrl: string;
  /** Key prefix of every BullMQ key and of the plugin's own keys (REDIS_PREFIX + `jobs`). */
  prefix: string;
  /** Tries per job, the first included, unless a queue says otherwise. */
  attempts: number;
  /** First retry delay (ms); doubled per retry. */
  backoffMs: number;
  /** Share of each retry delay that is random (0–1), so retries of many jobs spread out. */
  backoffJitter: number;
  /** Concurrency of a queue that neither its registration nor `queueConcurrency` sets. */
  concurrency: number;
  /** Per-queue concurrency by upper-case queue name (JOBS_CONCURRENCY_<QUEUE>). */
  queueConcurrency: Record<string, number>;
  /** A job whose worker stops renewing its lock for this long counts as stalled. */
  lockDurationMs: number;
  /** How often workers look for stalled jobs. */
  stalledIntervalMs: number;
  /** Stalls a job may have before it fails instead of being retried. */
  maxStalledCount: number;
  /** How long a stopping worker waits for running jobs before it hands them back. */
  shutdownTimeoutMs: number;
  /** How often worker processes check unfinished records against BullMQ; 0 = never. */
  reconcileIntervalMs: number;
  /** Finished BullMQ jobs kept in Redis per queue (the records keep everything). */
  keepCompleted: number;
  keepFailed: number;
  /** Largest payload accepted by `add`, in bytes of JSON: payloads carry ids, not files. */
  maxPayloadBytes: number;
  /** Where bull-board is served. */
  boardPath: string;
  /** Lifetime of a board link (seconds) and of the board session it opens. */
  boardLinkTtlSeconds: number;
  boardSessionTtlSeconds: number;
  /** Key signing board links; derived from the app keys when empty. */
  boardSecret: string;
  /** Bearer token `GET /metrics` requires; open when empty (README). */
  metricsToken: string;
  /** Serve `/metrics` without a token in production on purpose (METRICS_PUBLIC=true). */
  metricsPublic: boolean;
  /** The alerts file (ALERTS_CONFIG, default config/alerts.yaml); missing: no alerts. */
  alertsFile: string;
  /** Where the alerts' probes look by default: the OCR service, PostgreSQL. */
  ocrUrl: string;
  databaseUrl: string;
}

const positive = (name: string, value: unknown) => {
  if (!Number.isSafeInteger(value) || (value as number) < 1) throw new Error(`jobs.${name} must be a whole number ≥ 1`);
};

export default {
  default: (): JobsConfig => ({
    workers: 'inline',
    redisUrl: 'redis://127.0.0.1:6379',
    prefix: 'ticketing:jobs',
    attempts: 3,
    backoffMs: 5000,
    backoffJitter: 0.5,
    concurrency: 2,
    queueConcurrency: {},
    lockDurationMs: 30000,
    stalledIntervalMs: 30000,
    maxStalledCount: 2,
    shutdownTimeoutMs: 25000,
    reconcileIntervalMs: 60000,
    keepCompleted: 1000,
    keepFailed: 5000,
    maxPayloadBytes: 16384,
    boardPath: '/jobs-board',
    boardLinkTtlSeconds: 120,
    boardSessionTtlSeconds: 3600,
    boardSecret: '',
    metricsToken: '',
    metricsPublic: false,
    alertsFile: '',
    ocrUrl: 'http://127.0.0.1:8000',
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/ticketing',
  }),
  validator(config: JobsConfig) {
    if (config.workers !== 'inline' && config.workers !== 'off') throw new Error(`jobs.workers (WORKERS) must be "inline" or "off", not "${config.workers}"`);
    for (const name of ['attempts', 'backoffMs', 'concurrency', 'lockDurationMs', 'stalledIntervalMs', 'maxStalledCount', 'shutdownTimeoutMs', 'keepCompleted', 'keepFailed', 'maxPayloadBytes', 'boardLinkTtlSeconds', 'boardSessionTtlSeconds'] as const) {
      positive(name, config[name]);
    }
    if (!Number.isSafeInteger(config.reconcileIntervalMs) || config.reconcileIntervalMs < 0) throw new Error('jobs.reconcileIntervalMs must be a whole number ≥ 0');
    if (!(config.backoffJitter >= 0 && config.backoffJitter <= 1)) throw new Error('jobs.backoffJitter must be between 0 and 1');
    for (const [queue, n] of Object.entries(config.queueConcurrency)) positive(`queueConcurrency.${queue}`, n);
    if (!/^\/[a-z0-9/-]*[a-z0-9]$/.test(config.boardPath)) throw new Error('jobs.boardPath must be a path like /jobs-board');
  },
};
