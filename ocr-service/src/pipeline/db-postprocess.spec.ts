import { DEFAULT_PIPELINE_CONFIG } from '../config/pipeline-config';
import { dbPostprocess } from './db-postprocess';

/** A probability map with filled rectangles of the given probability. */
function mapWith(w: number, h: number, rects: [number, number, number, number, number][]): Float32Array {
  const m = new Float32Array(w * h);
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) m[y * w + x] = p;
  return m;
}

describe('dbPostprocess', () => {
  const cfg = DEFAULT_PIPELINE_CONFIG.det;

  it('turns each text blob into an unclipped box scaled to the original image', () => {
    // Map 100×50 for an image 200×100: every map pixel is 2×2 image pixels.
    const prob = mapWith(100, 50, [[10, 10, 59, 19, 0.9], [10, 30, 39, 37, 0.8]]);
    const boxes = dbPostprocess(prob, 100, 50, 200, 100, cfg);
    expect(boxes).toHaveLength(2);
    const first = boxes.find((b) => b.quad[0][1] < 40)!;
    expect(first.score).toBeCloseTo(0.9);
    // Blob spans x 10..59 (49 px between centres), grown by d = 49·9·1.5/116 ≈ 5.7 each side.
    const [tl, tr, br, bl] = first.quad;
    expect(tl[0]).toBeLessThan(20);
    expect(tr[0]).toBeGreaterThan(118);
    expect(bl[1]).toBeGreaterThan(38);
    expect(tl[1]).toBe(tr[1]);
    expect(br[1]).toBe(bl[1]);
  });

  it('drops blobs under the box threshold and specks under the minimum size', () => {
    const prob = mapWith(60, 30, [[5, 5, 40, 12, 0.45], [50, 20, 51, 21, 0.99]]);
    expect(dbPostprocess(prob, 60, 30, 60, 30, cfg)).toHaveLength(0);
  });

  it('clamps boxes to the image', () => {
    const prob = mapWith(40, 20, [[0, 0, 39, 5, 0.95]]);
    const [box] = dbPostprocess(prob, 40, 20, 40, 20, cfg);
    for (const [x, y] of box.quad) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(40);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(20);
    }
  });
});
