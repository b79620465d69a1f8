import * as ort from 'onnxruntime-node';
import type { PipelineConfig } from '../config/pipeline-config';
import { quadCropSize, type Quad } from '../geometry';
import { sampleQuadInto } from './crop-sampler';
import { ctcDecode, type DecodedText } from './ctc-decode';
import type { RgbImage } from './rgb-image';

/**
 * Plans recognition batches: crops sorted by width, so each batch is padded only to the widest
 * of similar crops, and cut when either `batchSize` crops or `widthBudget` padded columns
 * (batch length × its widest member, floored at `minWidth`) would be exceeded. The budget
 * exists because on CPU a batch of long lines runs slower per line than lines one by one
 * (cache pressure), while short lines gain from batching. Returns indices into the input. Pure.
 */
export function planRecBatches(
  widths: readonly number[],
  opts: { batchSize: number; widthBudget: number; minWidth: number },
): number[][] {
  const order = widths.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const i of order) {
    // Sorted ascending, so widths[i] is the widest of the batch if it joins.
    const padded = Math.max(opts.minWidth, widths[i]) * (current.length + 1);
    if (current.length > 0 && (current.length >= opts.batchSize || padded > opts.widthBudget)) {
      batches.push(current);
      current = [];
    }
    current.push(i);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Recognition stage: each quad (already oriented: its first corner is the text's top-left)
 * is cropped straight into a 48-px-high tensor row, batched by width, run through the
 * PP-OCRv4 recogniser and CTC-decoded. Results come back in input order.
 */
export async function recognizeText(
  session: ort.InferenceSession,
  image: RgbImage,
  quads: readonly Quad[],
  characters: readonly string[],
  cfg: PipelineConfig['rec'],
): Promise<DecodedText[]> {
  const widths = quads.map((q) => {
    const { width, height } = quadCropSize(q);
    return Math.max(1, Math.min(cfg.maxWidth, Math.ceil((cfg.height * width) / Math.max(height, 1))));
  });
  const results: DecodedText[] = new Array(quads.length);
  for (const batch of planRecBatches(widths, cfg)) {
    const batchWidth = Math.max(cfg.minWidth, ...batch.map((i) => widths[i]));
    // Zero is mid-grey after normalisation: PaddleOCR pads the same way.
    const tensor = new Float32Array(batch.length * 3 * cfg.height * batchWidth);
    batch.forEach((qi, index) =>
      sampleQuadInto(image, quads[qi], { tensor, index, height: cfg.height, width: batchWidth, filledWidth: widths[qi] }),
    );
    const feeds = {
      [session.inputNames[0]]: new ort.Tensor('float32', tensor, [batch.length, 3, cfg.height, batchWidth]),
    };
    const out = await session.run(feeds);
    const probs = out[session.outputNames[0]];
    const [, steps, classes] = probs.dims as number[];
    const data = probs.data as Float32Array;
    batch.forEach((qi, index) => {
      results[qi] = ctcDecode(data, index * steps * classes, steps, classes, characters);
    });
    probs.dispose();
  }
  return results;
}
