import * as ort from 'onnxruntime-node';
import type { PipelineConfig } from '../config/pipeline-config';
import { quadCropSize, type Quad } from '../geometry';
import type { OnnxModel } from '../models/inference-lane';
import { sampleQuadInto } from './crop-sampler';
import { ctcDecode, type DecodedText } from './ctc-decode';
import { planRecBatches, type RecBatch } from './rec-batches';
import type { RgbImage } from './rgb-image';

/** A line to read: the image it lies in and its quad, first corner at the text's top-left. */
export interface RecCrop {
  image: RgbImage;
  quad: Quad;
}

/**
 * Recognition stage over crops of any number of images: each crop is sampled straight into a
 * 48-px-high tensor row, batched by padded width (see {@link planRecBatches}), run through the
 * PP-OCRv4 recogniser and CTC-decoded. While one batch runs, the next is sampled and the
 * previous decoded, so JavaScript work hides behind inference. Results in input order.
 */
export async function recognizeText(
  model: OnnxModel,
  crops: readonly RecCrop[],
  characters: readonly string[],
  cfg: PipelineConfig['rec'],
): Promise<DecodedText[]> {
  const widths = crops.map(({ quad }) => {
    const { width, height } = quadCropSize(quad);
    return Math.max(1, Math.min(cfg.maxWidth, Math.ceil((cfg.height * width) / Math.max(height, 1))));
  });
  const results: DecodedText[] = new Array(crops.length);
  const decode = (batch: RecBatch, out: Record<string, ort.Tensor>) => {
    const probs = out[model.outputNames[0]];
    const [, steps, classes] = probs.dims as number[];
    const data = probs.data as Float32Array;
    batch.members.forEach((ci, index) => {
      results[ci] = ctcDecode(data, index * steps * classes, steps, classes, characters);
    });
    probs.dispose();
  };
  let inflight: { batch: RecBatch; output: Promise<Record<string, ort.Tensor>> } | null = null;
  for (const batch of planRecBatches(widths, cfg)) {
    // Zero is mid-grey after normalisation: PaddleOCR pads the same way.
    const tensor = new Float32Array(batch.members.length * 3 * cfg.height * batch.width);
    batch.members.forEach((ci, index) =>
      sampleQuadInto(crops[ci].image, crops[ci].quad, {
        tensor,
        index,
        height: cfg.height,
        width: batch.width,
        filledWidth: widths[ci],
      }),
    );
    const previous = inflight;
    const previousOutput = previous ? await previous.output : null;
    const feeds = { [model.inputNames[0]]: new ort.Tensor('float32', tensor, [batch.members.length, 3, cfg.height, batch.width]) };
    inflight = { batch, output: model.run(feeds) };
    if (previous && previousOutput) decode(previous.batch, previousOutput);
  }
  if (inflight) decode(inflight.batch, await inflight.output);
  return results;
}
