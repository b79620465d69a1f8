import type { PipelineOverrides } from '../config/pipeline-config';
import { ImageInputError, type ImageErrorCode } from '../pipeline/image-errors';
import type { OcrImageResult, OcrLine, OcrPipeline } from '../pipeline/ocr-pipeline';
import type { ServiceMetrics } from './metrics';
import type { UploadedImage } from './multipart-images';
import type { WorkQueue } from './work-queue';

/** One entry of the response's `results`: lines, or an error for this image only. */
export type BatchEntry =
  | { filename: string; width: number; height: number; durationMs: number; lines: OcrLine[] }
  | { filename: string; error: { code: ImageErrorCode; message: string } };

/**
 * Runs every image of a request through the pipeline via the work queue and returns one entry
 * per image, in request order. A bad image yields its own error entry; the rest go on.
 * Images that have not started by `deadline` (epoch ms) get a `timeout` entry.
 */
export async function processBatch(
  images: readonly UploadedImage[],
  overrides: PipelineOverrides,
  deps: { pipeline: OcrPipeline; queue: WorkQueue; metrics: ServiceMetrics; deadline: number; maxBytes: number },
): Promise<BatchEntry[]> {
  return Promise.all(
    images.map(async (img): Promise<BatchEntry> => {
      const started = performance.now();
      try {
        if (img.truncated) {
          throw new ImageInputError('too_large', `image is larger than ${deps.maxBytes} bytes`);
        }
        const result = await deps.queue.run(() => {
          if (Date.now() > deps.deadline) {
            throw new ImageInputError('timeout', 'the request deadline passed before this image could start');
          }
          return deps.pipeline.run(img.data, overrides);
        });
        observe(deps.metrics, result, started);
        const { width, height, durationMs, lines } = result;
        return { filename: img.filename, width, height, durationMs, lines };
      } catch (err) {
        const e =
          err instanceof ImageInputError ? err : new ImageInputError('internal', `processing failed: ${(err as Error).message}`);
        deps.metrics.images.inc({ outcome: 'error', code: e.code });
        deps.metrics.imageDuration.observe({ outcome: 'error' }, (performance.now() - started) / 1000);
        return { filename: img.filename, error: { code: e.code, message: e.message } };
      }
    }),
  );
}

function observe(metrics: ServiceMetrics, result: OcrImageResult, started: number): void {
  metrics.images.inc({ outcome: 'ok', code: '' });
  metrics.imageDuration.observe({ outcome: 'ok' }, (performance.now() - started) / 1000);
  for (const [stage, ms] of Object.entries(result.timings)) {
    metrics.stageDuration.observe({ stage }, (ms ?? 0) / 1000);
  }
}
