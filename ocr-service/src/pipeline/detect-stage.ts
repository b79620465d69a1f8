import sharp from 'sharp';
import * as ort from 'onnxruntime-node';
import type { OnnxModel } from '../models/inference-lane';
import type { PipelineConfig } from '../config/pipeline-config';
import { dbPostprocess, type DetectedBox } from './db-postprocess';
import { detInputSize } from './det-resize';
import type { RgbImage } from './rgb-image';

/**
 * Detection stage: resize to the detector size (multiple of 32), normalise with the
 * ImageNet mean/std in BGR order, run DBNet, and post-process the probability map into boxes
 * in original-image pixels.
 */
export async function detectText(
  session: OnnxModel,
  image: RgbImage,
  cfg: PipelineConfig['det'],
): Promise<DetectedBox[]> {
  const size = detInputSize(image.width, image.height, cfg);
  const resized = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  const input = normaliseForDet(resized, size.width, size.height, cfg);
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, size.height, size.width]) };
  const out = await session.run(feeds);
  const map = out[session.outputNames[0]];
  try {
    const [, , mh, mw] = map.dims as number[];
    return dbPostprocess(map.data as Float32Array, mw, mh, image.width, image.height, cfg);
  } finally {
    map.dispose();
  }
}

/** HWC RGB bytes → CHW float32 in BGR order, (v/255 − mean)/std per channel. Pure. */
export function normaliseForDet(
  rgb: Buffer,
  width: number,
  height: number,
  cfg: Pick<PipelineConfig['det'], 'mean' | 'std'>,
): Float32Array {
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  // Channel c of the tensor holds BGR channel c; source byte offset for B is 2, G 1, R 0.
  for (let c = 0; c < 3; c++) {
    const src = 2 - c;
    const scale = 1 / (255 * cfg.std[c]);
    const shift = cfg.mean[c] / cfg.std[c];
    const o = c * plane;
    for (let i = 0; i < plane; i++) out[o + i] = rgb[i * 3 + src] * scale - shift;
  }
  return out;
}
