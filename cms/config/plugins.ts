import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** The repo's config/ folder (seed ticket types, roles.yaml); compiled to cms/dist/config, it is three levels up. */
const configDir = (env: Env) => env('TICKETING_CONFIG_DIR', path.resolve(__dirname, '..', '..', '..', 'config'));

/** Where photos and exports are kept: S3-compatible storage when S3_ENDPOINT is set, local disk otherwise. */
function uploadConfig(env: Env) {
  const expires = env.int('PHOTO_URL_TTL_SECONDS', 15 * 60);
  if (!env('S3_ENDPOINT')) {
    return {
      provider: 'strapi-provider-upload-private-local',
      providerOptions: {
        // compiled to cms/dist/config: the repo root is three levels up
        directory: env('UPLOADS_DIR', path.resolve(__dirname, '..', '..', '..', '.data', 'uploads')),
        secret: env('FILE_URL_SECRET', env.array('APP_KEYS', [''])[0]),
        expiresIn: expires,
      },
    };
  }
  return {
    provider: 'aws-s3',
    providerOptions: {
      // objects live under uploads/… (docs/architecture.md#storage)
      rootPath: 'uploads',
      s3Options: {
        endpoint: env('S3_ENDPOINT'),
        region: env('S3_REGION', 'us-east-1'),
        forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true),
        credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
        // private: the provider then signs every URL it hands out (never set a baseUrl: it would skip signing)
        params: { Bucket: env('S3_BUCKET', 'ticketing'), ACL: 'private', signedUrlExpires: expires },
      },
    },
  };
}

/** Queues, workers, bull-board and /metrics of the jobs plugin (plugins/jobs/README.md lists the env). */
function jobsConfig(env: Env) {
  // JOBS_CONCURRENCY_<QUEUE>=n, one variable per queue: read them all
  const queueConcurrency = Object.fromEntries(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith('JOBS_CONCURRENCY_'))
      .map(([name, value]) => [name.slice('JOBS_CONCURRENCY_'.length), Number(value)]),
  );
  return {
    workers: env('WORKERS', 'inline'),
    redisUrl: env('REDIS_URL', 'redis://127.0.0.1:6379'),
    prefix: `${env('REDIS_PREFIX', 'ticketing:')}jobs`,
    attempts: env.int('JOBS_ATTEMPTS', 3),
    backoffMs: env.int('JOBS_BACKOFF_MS', 5000),
    concurrency: env.int('JOBS_CONCURRENCY', 2),
    queueConcurrency,
    lockDurationMs: env.int('JOBS_LOCK_DURATION_MS', 30000),
    stalledIntervalMs: env.int('JOBS_STALLED_INTERVAL_MS', 30000),
    maxStalledCount: env.int('JOBS_MAX_STALLED_COUNT', 2),
    shutdownTimeoutMs: env.int('JOBS_SHUTDOWN_TIMEOUT_MS', 25000),
    reconcileIntervalMs: env.int('JOBS_RECONCILE_INTERVAL_MS', 60000),
    boardSecret: env('JOBS_BOARD_SECRET', ''),
    metricsToken: env('METRICS_TOKEN', ''),
    metricsPublic: env.bool('METRICS_PUBLIC', false),
    alertsFile: env('ALERTS_CONFIG', path.join(configDir(env), 'alerts.yaml')),
    ocrUrl: env('OCR_URL', 'http://127.0.0.1:8000'),
    databaseUrl: env('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/ticketing'),
  };
}

/**
 * clamd scanning every upload (photos, imports, templates) before it is stored: CLAMD_SOCKET, or
 * CLAMD_HOST with CLAMD_PORT; neither set → uploads are not scanned.
 */
function virusScanConfig(env: Env) {
  const socket = env('CLAMD_SOCKET', '');
  const host = env('CLAMD_HOST', '');
  if (!socket && !host) return null;
  return {
    address: socket ? { socket } : { host, port: env.int('CLAMD_PORT', 3310) },
    timeoutMs: env.int('CLAMD_TIMEOUT_MS', 30_000),
    // unreachable clamd: refuse uploads (503) unless this is set on purpose
    failOpen: env.bool('CLAMD_FAIL_OPEN', false),
  };
}

/**
 * E-mail through Strapi's email plugin and the nodemailer provider, when SMTP_HOST is set;
 * without it nothing is mailed (the notifications plugin leaves the e-mail channel out).
 */
function emailConfig(env: Env) {
  const user = env('SMTP_USER', '');
  return {
    provider: 'nodemailer',
    providerOptions: {
      host: env('SMTP_HOST'),
      port: env.int('SMTP_PORT', 587),
      // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it
      secure: env.bool('SMTP_SECURE', false),
      ...(user ? { auth: { user, pass: env('SMTP_PASS', '') } } : {}),
      // a hung server fails the attempt (the notify job retries) instead of holding a worker
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    settings: { defaultFrom: env('SMTP_FROM', 'no-reply@localhost'), defaultReplyTo: env('SMTP_FROM', 'no-reply@localhost') },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: { config: uploadConfig(env) },
  ...(env('SMTP_HOST') ? { email: { config: emailConfig(env) } } : {}),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: {
        accessTokenLifespan: env.int('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
        idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_IDLE_TTL_SECONDS', 14 * 24 * 3600),
        maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_MAX_TTL_SECONDS', 30 * 24 * 3600),
        idleSessionLifespan: env.int('SESSION_IDLE_TTL_SECONDS', 2 * 3600),
        maxSessionLifespan: env.int('SESSION_MAX_TTL_SECONDS', 24 * 3600),
      },
      register: { allowedFields: [] },
      // one limiter for every process lives in Redis (global::auth-rate-limit)
      ratelimit: { enabled: false },
    },
  },
  ocr: {
    config: {
      serviceUrl: env('OCR_URL', 'http://127.0.0.1:8000'),
      batchSize: env.int('OCR_BATCH_SIZE', 4),
      requestTimeoutMs: env.int('OCR_REQUEST_TIMEOUT_MS', 120_000),
      attempts: env.int('OCR_JOB_ATTEMPTS', 4),
      // unset: the plugin's default, chosen on the dev set (plugins/ocr/server/src/suggestions/README.md)
      ...(env('OCR_UNSURE_BELOW') ? { unsureBelow: env.float('OCR_UNSURE_BELOW') } : {}),
    },
  },
  access: {
    config: {
      rolesFile: path.join(configDir(env), 'roles.yaml'),
      // the offset of every timestamp the APIs answer with
      timeZone: env('APP_TIMEZONE', 'Asia/Shanghai'),
      virusScan: virusScanConfig(env),
    },
  },
  ticketing: {
    config: {
      configDir: configDir(env),
      timeZone: env('APP_TIMEZONE', 'Asia/Shanghai'),
      countLimit: env.int('TICKETS_COUNT_LIMIT', 1000),
      slaFile: env('SLA_CONFIG', path.join(configDir(env), 'sla.yaml')),
      slaCheckIntervalMs: env.int('SLA_CHECK_INTERVAL_MS', 30_000),
      assignmentFile: env('ASSIGNMENT_CONFIG', path.join(configDir(env), 'assignment.yaml')),
    },
  },
  jobs: { config: jobsConfig(env) },
  // spreadsheet imports and exports (plugins/excel-io/README.md lists the env)
  'excel-io': {
    config: {
      maxBytes: env.int('IMPORT_MAX_BYTES', 50 * 1024 * 1024),
      batchSize: env.int('IMPORT_BATCH_SIZE', 4000),
      maxRows: env.int('IMPORT_MAX_ROWS', 1_000_000),
      maxColumns: env.int('IMPORT_MAX_COLUMNS', 500),
      attempts: env.int('IMPORT_JOB_ATTEMPTS', 3),
      exportTtlDays: env.int('EXPORT_TTL_DAYS', 7),
      exportWordLimit: env.int('EXPORT_WORD_LIMIT', 200),
      exportCleanupIntervalMs: env.int('EXPORT_CLEANUP_INTERVAL_MS', 3_600_000),
      exportAttempts: env.int('EXPORT_JOB_ATTEMPTS', 3),
    },
  },
  // in-app and e-mail notifications, webhooks (plugins/notifications/README.md lists the env)
  notifications: {
    config: {
      emailEnabled: Boolean(env('SMTP_HOST')),
      portalUrl: env('PORTAL_URL', 'http://localhost:5173'),
      notifyAttempts: env.int('NOTIFY_ATTEMPTS', 5),
      notifyBackoffMs: env.int('NOTIFY_BACKOFF_MS', 5000),
      webhookAttempts: env.int('WEBHOOK_ATTEMPTS', 6),
      webhookBackoffMs: env.int('WEBHOOK_BACKOFF_MS', 10_000),
      webhookTimeoutMs: env.int('WEBHOOK_TIMEOUT_MS', 10_000),
    },
  },
});
