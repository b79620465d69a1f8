import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './pipeline-config';

/** Everything the HTTP service reads from the environment (README has the table). */
export interface ServiceConfig {
  host: string;
  port: number;
  logLevel: string;
  /** ONNX Runtime threads per operator; the machine's cores by default. */
  intraOpThreads: number;
  interOpThreads: number;
  /** Model runs at once (each on `intraOpThreads` threads); JavaScript work of other images overlaps them. */
  inferenceLanes: number;
  /** ONNX Runtime idle threads busy-wait (see `SessionOptions.spinning`). */
  ortSpinning: boolean;
  /** Fold hard-swish and scalar affine ops into the models at load (see `SessionOptions.foldAffine`). */
  foldModels: boolean;
  /** Images processed at the same time (2 lets decode/post-processing overlap inference). */
  concurrency: number;
  /** Requests admitted at once (running + waiting); one more gets 503 + Retry-After. */
  queueSize: number;
  /** Seconds suggested to clients in `Retry-After` when the queue is full. */
  retryAfterSeconds: number;
  /** Largest request body, bytes (checked from Content-Length and while streaming). */
  bodyLimit: number;
  /** Time allowed to receive a whole request (Fastify `requestTimeout`), ms. */
  requestTimeoutMs: number;
  /** Deadline, from arrival, for an image of the request to start; later ones get `timeout`, ms. */
  processingTimeoutMs: number;
  /** Images per request. */
  maxImages: number;
  pipeline: PipelineConfig;
}

type Env = Record<string, string | undefined>;

/** Builds the service config from `env`, failing fast on values that are not numbers. */
export function loadServiceConfig(env: Env = process.env, cores = defaultCores()): ServiceConfig {
  const pipeline: PipelineConfig = structuredClone(DEFAULT_PIPELINE_CONFIG);
  pipeline.input.maxBytes = int(env, 'OCR_MAX_IMAGE_BYTES', pipeline.input.maxBytes);
  pipeline.input.maxPixels = int(env, 'OCR_MAX_IMAGE_PIXELS', pipeline.input.maxPixels);
  pipeline.det.maxSide = int(env, 'OCR_DET_MAX_SIDE', pipeline.det.maxSide);
  pipeline.cls.enabled = bool(env, 'OCR_CLS_DEFAULT', pipeline.cls.enabled);
  pipeline.rec.minConfidence = num(env, 'OCR_MIN_CONFIDENCE', pipeline.rec.minConfidence);
  const maxImages = int(env, 'OCR_MAX_IMAGES', 16);
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 8000),
    logLevel: env.LOG_LEVEL || 'info',
    intraOpThreads: int(env, 'OCR_INTRA_OP_THREADS', cores),
    interOpThreads: int(env, 'OCR_INTER_OP_THREADS', 1),
    inferenceLanes: int(env, 'OCR_INFERENCE_LANES', 1),
    ortSpinning: bool(env, 'OCR_ORT_SPINNING', false),
    foldModels: bool(env, 'OCR_FOLD_MODELS', true),
    concurrency: int(env, 'OCR_CONCURRENCY', 2),
    queueSize: int(env, 'OCR_QUEUE_SIZE', 8),
    retryAfterSeconds: int(env, 'OCR_RETRY_AFTER_SECONDS', 2),
    // Default: a full batch of maximum-size images plus multipart overhead.
    bodyLimit: int(env, 'OCR_BODY_LIMIT_BYTES', maxImages * pipeline.input.maxBytes + 1024 * 1024),
    requestTimeoutMs: int(env, 'OCR_REQUEST_TIMEOUT_MS', 60_000),
    processingTimeoutMs: int(env, 'OCR_PROCESSING_TIMEOUT_MS', 120_000),
    maxImages,
    pipeline,
  };
}

function defaultCores(): number {
  // availableParallelism respects cgroup/affinity limits where os.cpus() does not.
  return Math.max(1, require('node:os').availableParallelism());
}

function num(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`${key} must be a number, got "${raw}"`);
  return v;
}

function int(env: Env, key: string, fallback: number): number {
  const v = num(env, key, fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${key} must be a non-negative integer, got "${env[key]}"`);
  return v;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${key} must be true or false, got "${raw}"`);
}
