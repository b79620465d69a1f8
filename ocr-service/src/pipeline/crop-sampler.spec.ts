import type { Quad } from '../geometry';
import { sampleQuadInto } from './crop-sampler';
import type { RgbImage } from './rgb-image';
import { normaliseForDet } from './detect-stage';

/** 40×20 image: left half red (255,0,0), right half blue (0,0,255). */
function halves(): RgbImage {
  const w = 40, h = 20;
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(y * w + x) * 3 + (x < 20 ? 0 : 2)] = 255;
  return { data, width: w, height: h };
}

describe('sampleQuadInto', () => {
  it('writes normalised BGR planes; left→right follows the quad', () => {
    const tensor = new Float32Array(3 * 4 * 8);
    const quad: Quad = [[0, 0], [40, 0], [40, 20], [0, 20]];
    sampleQuadInto(halves(), quad, { tensor, index: 0, height: 4, width: 8, filledWidth: 8 });
    const plane = 32;
    // Channel 0 is blue: −1 on the left, +1 on the right; channel 2 (red) the opposite.
    expect(tensor[0]).toBeCloseTo(-1);
    expect(tensor[7]).toBeCloseTo(1);
    expect(tensor[2 * plane]).toBeCloseTo(1);
    expect(tensor[2 * plane + 7]).toBeCloseTo(-1);
  });
  it('reads the crop upside down when given the 180°-rotated quad, and leaves padding alone', () => {
    const tensor = new Float32Array(3 * 4 * 10);
    const rotated: Quad = [[40, 20], [0, 20], [0, 0], [40, 0]];
    sampleQuadInto(halves(), rotated, { tensor, index: 0, height: 4, width: 10, filledWidth: 8 });
    expect(tensor[0]).toBeCloseTo(1); // blue now on the left
    expect(tensor[8]).toBe(0); // padding untouched
  });
});

describe('normaliseForDet', () => {
  it('emits CHW in BGR order with ImageNet mean/std', () => {
    const rgb = Buffer.from([255, 0, 0]);
    const out = normaliseForDet(rgb, 1, 1, { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] });
    expect(out[0]).toBeCloseTo((0 - 0.485) / 0.229); // B
    expect(out[2]).toBeCloseTo((1 - 0.406) / 0.225); // R
  });
});
