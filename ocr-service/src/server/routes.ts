import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from '../config/service-config';
import type { OcrPipeline } from '../pipeline/ocr-pipeline';
import { HttpError } from './http-errors';
import type { ServiceMetrics } from './metrics';
import { readUploadedImages } from './multipart-images';
import { processBatch } from './ocr-batch';
import { parseOcrQuery } from './ocr-query';
import type { WorkQueue } from './work-queue';

/** What the routes need; `pipeline` is null until the models are loaded. */
export interface RouteDeps {
  config: ServiceConfig;
  queue: WorkQueue;
  metrics: ServiceMetrics;
  getPipeline: () => OcrPipeline | null;
}

/** Registers the HTTP routes. Admission to the queue happens in the app's onRequest hook. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  /** Liveness: the process answers. */
  app.get('/health', async () => ({ status: 'ok' }));

  /** Readiness: the models are loaded and requests will be served. */
  app.get('/ready', async (_req, reply) => {
    if (!deps.getPipeline()) return reply.code(503).send({ status: 'loading' });
    return { status: 'ready' };
  });

  /** Prometheus exposition of the service's metrics. */
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  /** OCR 1–16 images (multipart field `images`): one result per image, in request order, and the models that read them. */
  app.post('/v1/ocr', async (request) => {
    const pipeline = deps.getPipeline();
    if (!pipeline) throw new HttpError(503, 'not_ready', 'models are still loading', { 'retry-after': '1' });
    const overrides = parseOcrQuery(request.query as Record<string, unknown>);
    const deadline = Date.now() + deps.config.processingTimeoutMs;
    const images = await readUploadedImages(request, deps.config.maxImages);
    const results = await processBatch(images, overrides, {
      pipeline,
      queue: deps.queue,
      metrics: deps.metrics,
      deadline,
      maxBytes: deps.config.pipeline.input.maxBytes,
    });
    return { results, model: { engine: 'onnxruntime', ...pipeline.modelNames } };
  });
}
