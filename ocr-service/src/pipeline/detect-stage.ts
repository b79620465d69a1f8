import sharp from 'sharp';
import * as ort from 'onnxruntime-node';
import type { OnnxModel } from '../models/inference-lane';
import type { PipelineConfig } from '../config/pipeline-config';
import { dbPostprocess, type DetectedBox } from './db-postprocess';
import { quadCropSize } from '../geometry';
import { detInputSize, needsFullPass, type DetSize } from './det-resize';
import type { RgbImage } from './rgb-image';

/**
 * Detection stage, sized by text height rather than by a fixed side: a first pass with the
 * longest side at `probeSide`; when the small text it found is under `minTextHeight` detector
 * pixels (or it found none), a second pass at full size (`maxSide`, small images scaled up to
 * `minSide`). Large-text photos are done after the cheap pass; fine print gets the resolution
 * it needs.
 */
export async function detectText(session: OnnxModel, image: RgbImage, cfg: PipelineConfig['det']): Promise<DetectedBox[]> {
  const full = detInputSize(image.width, image.height, cfg);
  const probe = detInputSize(image.width, image.height, { ...cfg, maxSide: Math.min(cfg.probeSide, cfg.maxSide) });
  if (probe.scale * 1.1 >= full.scale) return detectAt(session, image, full, cfg);
  const first = await detectAt(session, image, probe, cfg);
  const heights = first.map((b) => {
    const { width, height } = quadCropSize(b.quad);
    return Math.min(width, height);
  });
  return needsFullPass(heights, probe.scale, cfg) ? detectAt(session, image, full, cfg) : first;
}

/**
 * One detector pass at `size`: resize (multiple of 32), normalise with the ImageNet mean/std in
 * BGR order, run DBNet, post-process the probability map into boxes in original-image pixels.
 */
async function detectAt(session: OnnxModel, image: RgbImage, size: DetSize, cfg: PipelineConfig['det']): Promise<DetectedBox[]> {
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
