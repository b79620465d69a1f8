import type { PipelineOverrides } from '../config/pipeline-config';
import type { PageRotation } from '../geometry';
import { ImageInputError, type ImageErrorCode } from '../pipeline/image-errors';
import type { OcrImageResult, OcrLine, OcrPipeline, PendingPage } from '../pipeline/ocr-pipeline';
import type { ServiceMetrics } from './metrics';
import type { UploadedImage } from './multipart-images';
import type { WorkQueue } from './work-queue';

/** One entry of the response's `results`: lines, or an error for this image only. */
export type BatchEntry =
  | { filename: string; width: number; height: number; rotation: PageRotation; durationMs: number; lines: OcrLine[] }
  | { filename: string; error: { code: ImageErrorCode; message: string } };

type ImageError = { code: ImageErrorCode; message: string };

/**
 * Runs a request's images through the pipeline and returns one entry per image, in request
 * order. Each image is analysed through the work queue (at most `concurrency` at once); then
 * the lines of all good images are recognised together, so batches fill across images. A bad
 * image yields its own error entry; the rest go on. Images that have not started by
 * `deadline` (epoch ms) get a `timeout` entry.
 */
export async function processBatch(
  images: readonly UploadedImage[],
  overrides: PipelineOverrides,
  deps: { pipeline: OcrPipeline; queue: WorkQueue; metrics: ServiceMetrics; deadline: number; maxBytes: number },
): Promise<BatchEntry[]> {
  const started = performance.now();
  const analysed = await Promise.all(
    images.map(async (img): Promise<PendingPage | ImageError> => {
      try {
        if (img.truncated) throw new ImageInputError('too_large', `image is larger than ${deps.maxBytes} bytes`);
        return await deps.queue.run(() => {
          if (Date.now() > deps.deadline) {
            throw new ImageInputError('timeout', 'the request deadline passed before this image could start');
          }
          return deps.pipeline.analyse(img.data, overrides);
        });
      } catch (err) {
        return asImageError(err);
      }
    }),
  );
  const pending = analysed.filter((a): a is PendingPage => 'page' in a);
  let read: OcrImageResult[] | ImageError;
  try {
    read = await deps.pipeline.read(pending, overrides);
  } catch (err) {
    read = asImageError(err);
  }
  let next = 0;
  return analysed.map((a, i): BatchEntry => {
    const filename = images[i].filename;
    const outcome: OcrImageResult | ImageError = 'page' in a ? (Array.isArray(read) ? read[next++] : read) : a;
    if ('code' in outcome) {
      deps.metrics.images.inc({ outcome: 'error', code: outcome.code });
      deps.metrics.imageDuration.observe({ outcome: 'error' }, (performance.now() - started) / 1000);
      return { filename, error: outcome };
    }
    observe(deps.metrics, outcome);
    const { width, height, rotation, durationMs, lines } = outcome;
    return { filename, width, height, rotation, durationMs, lines };
  });
}

function asImageError(err: unknown): ImageError {
  const e = err instanceof ImageInputError ? err : new ImageInputError('internal', `processing failed: ${(err as Error).message}`);
  return { code: e.code, message: e.message };
}

function observe(metrics: ServiceMetrics, result: OcrImageResult): void {
  metrics.images.inc({ outcome: 'ok', code: '' });
  metrics.imageDuration.observe({ outcome: 'ok' }, result.durationMs / 1000);
  for (const [stage, ms] of Object.entries(result.timings)) {
    metrics.stageDuration.observe({ stage }, (ms ?? 0) / 1000);
  }
}
