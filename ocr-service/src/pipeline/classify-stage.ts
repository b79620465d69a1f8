import * as ort from 'onnxruntime-node';
import type { OnnxModel } from '../models/inference-lane';
import type { PipelineConfig } from '../config/pipeline-config';
import { quadCropSize, type Quad } from '../geometry';
import { sampleQuadInto } from './crop-sampler';
import type { RgbImage } from './rgb-image';

/** Classifier verdict for one crop. */
export interface Orientation {
  angle: 0 | 180;
  score: number;
  /** The classifier's probability that the crop is upside down, whatever the verdict. */
  upsideDown: number;
}

/**
 * Optional 0°/180° classification stage (PP-OCR mobile v2 cls): crops resized to 48 px high
 * and at most 192 wide, zero-padded, in batches. A crop is called upside-down only above the
 * configured probability, so a doubtful crop is left as it is.
 */
export async function classifyOrientation(
  session: OnnxModel,
  image: RgbImage,
  quads: readonly Quad[],
  cfg: PipelineConfig['cls'],
): Promise<Orientation[]> {
  const result: Orientation[] = [];
  for (let start = 0; start < quads.length; start += cfg.batchSize) {
    const chunk = quads.slice(start, start + cfg.batchSize);
    const tensor = new Float32Array(chunk.length * 3 * cfg.height * cfg.width);
    chunk.forEach((quad, index) => {
      const { width, height } = quadCropSize(quad);
      const filledWidth = Math.max(1, Math.min(cfg.width, Math.ceil((cfg.height * width) / Math.max(height, 1))));
      sampleQuadInto(image, quad, { tensor, index, height: cfg.height, width: cfg.width, filledWidth });
    });
    const feeds = {
      [session.inputNames[0]]: new ort.Tensor('float32', tensor, [chunk.length, 3, cfg.height, cfg.width]),
    };
    const out = await session.run(feeds);
    const probs = out[session.outputNames[0]];
    const data = probs.data as Float32Array;
    for (let i = 0; i < chunk.length; i++) {
      const p0 = data[i * 2];
      const p180 = data[i * 2 + 1];
      result.push(
        p180 > p0 && p180 >= cfg.threshold
          ? { angle: 180, score: p180, upsideDown: p180 }
          : { angle: 0, score: p0, upsideDown: p180 },
      );
    }
    probs.dispose();
  }
  return result;
}
