import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from '../config/service-config';
import { InferenceLane } from '../models/inference-lane';
import { loadOcrModels, releaseOcrModels, type OcrModels } from '../models/ocr-models';
import { warmUpModels } from '../models/warm-up';
import { OcrPipeline } from '../pipeline/ocr-pipeline';
import { buildApp } from './build-app';
import { createMetrics, type ServiceMetrics } from './metrics';
import { WorkQueue } from './work-queue';

/** A running (or about to run) OCR service. */
export interface OcrServer {
  app: FastifyInstance;
  metrics: ServiceMetrics;
  queue: WorkQueue;
  /** Resolves when the models are loaded and warmed up, and `/ready` says so. */
  ready: Promise<void>;
  /** Listens on the configured host/port; returns the bound address. */
  listen(): Promise<string>;
  /** Stops accepting, waits for in-flight requests, releases the models. */
  close(): Promise<void>;
}

/**
 * Creates the service and starts loading the models in the background, so `/health` answers
 * at once and `/ready` flips when loading finishes.
 */
export async function createOcrServer(
  config: ServiceConfig,
  opts: { logger?: boolean | { level: string } } = {},
): Promise<OcrServer> {
  const metrics = createMetrics();
  const queue = new WorkQueue(config.queueSize, config.concurrency);
  let models: OcrModels | null = null;
  let pipeline: OcrPipeline | null = null;
  const app = await buildApp(
    { config, queue, metrics, getPipeline: () => pipeline },
    { logger: opts.logger ?? { level: config.logLevel } },
  );
  const ready = loadOcrModels({
    intraOpThreads: config.intraOpThreads,
    interOpThreads: config.interOpThreads,
    spinning: config.ortSpinning,
    foldAffine: config.foldModels,
  }).then(async (m) => {
    models = m;
    await warmUpModels(m);
    pipeline = new OcrPipeline(m, config.pipeline, new InferenceLane(config.inferenceLanes));
  });
  // A failed load must not be an unhandled rejection before anyone awaits `ready`.
  ready.catch((err) => app.log.error({ err }, 'model loading failed'));
  return {
    app,
    metrics,
    queue,
    ready,
    listen: () => app.listen({ host: config.host, port: config.port }),
    close: async () => {
      await app.close();
      await ready.catch(() => undefined);
      if (models) await releaseOcrModels(models);
    },
  };
}
