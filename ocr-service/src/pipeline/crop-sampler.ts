import { applyHomography, perspectiveTransform, quadCropSize, type Quad } from '../geometry';
import type { RgbImage } from './rgb-image';

/** Where and how to write one crop into a batch tensor (NCHW, float32). */
export interface TensorSlot {
  tensor: Float32Array;
  /** Index of the crop in the batch. */
  index: number;
  /** Tensor height and (padded) width. */
  height: number;
  width: number;
  /** Width actually filled; the rest stays as the padding value already in the tensor. */
  filledWidth: number;
}

/**
 * Perspective-crops `quad` out of `image` and resamples it straight into a tensor slot in
 * one pass (crop + resize fused, so there is one interpolation, not two). Pixels are bilinear;
 * when the crop is shrunk by more than 1.5× each output pixel averages s×s samples so small
 * strokes don't alias away. Values are written as (v/255 − 0.5)/0.5 in BGR channel order —
 * how PaddleOCR's cls/rec models were trained. Borders replicate, as OpenCV's
 * BORDER_REPLICATE does in `get_rotate_crop_image`.
 */
export function sampleQuadInto(image: RgbImage, quad: Quad, slot: TensorSlot): void {
  const { width: cw, height: ch } = quadCropSize(quad);
  const outW = slot.filledWidth;
  const outH = slot.height;
  const m = perspectiveTransform(
    [[0, 0], [cw, 0], [cw, ch], [0, ch]],
    quad,
  );
  const scaleX = cw / outW;
  const scaleY = ch / outH;
  const s = Math.min(4, Math.max(1, Math.ceil(Math.max(scaleX, scaleY) / 1.5)));
  const plane = slot.height * slot.width;
  const base = slot.index * 3 * plane;
  const { data, width: iw, height: ih } = image;
  const px = [0, 0, 0];
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < s; sy++) {
        const y = (v + (sy + 0.5) / s) * scaleY;
        for (let sx = 0; sx < s; sx++) {
          const x = (u + (sx + 0.5) / s) * scaleX;
          const [srcX, srcY] = applyHomography(m, [x, y]);
          bilinear(data, iw, ih, srcX - 0.5, srcY - 0.5, px);
          r += px[0]; g += px[1]; b += px[2];
        }
      }
      const k = 1 / (s * s * 127.5);
      const o = base + v * slot.width + u;
      slot.tensor[o] = b * k - 1;
      slot.tensor[o + plane] = g * k - 1;
      slot.tensor[o + 2 * plane] = r * k - 1;
    }
  }
}

/** Bilinear RGB sample at continuous pixel-centre coordinates with edge replication. */
function bilinear(data: Buffer, w: number, h: number, x: number, y: number, out: number[]): void {
  if (x < 0) x = 0; else if (x > w - 1) x = w - 1;
  if (y < 0) y = 0; else if (y > h - 1) y = h - 1;
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = x0 + 1 < w ? x0 + 1 : x0;
  const y1 = y0 + 1 < h ? y0 + 1 : y0;
  const fx = x - x0, fy = y - y0;
  const i00 = (y0 * w + x0) * 3, i01 = (y0 * w + x1) * 3;
  const i10 = (y1 * w + x0) * 3, i11 = (y1 * w + x1) * 3;
  for (let c = 0; c < 3; c++) {
    const top = data[i00 + c] + (data[i01 + c] - data[i00 + c]) * fx;
    const bot = data[i10 + c] + (data[i11 + c] - data[i10 + c]) * fx;
    out[c] = top + (bot - top) * fy;
  }
}
