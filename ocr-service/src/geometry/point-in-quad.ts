import type { Point } from './point';

/**
 * Mean of `values` (a `width`-wide row-major map) over the pixels whose centres fall inside
 * the convex polygon `poly`, scanning only its bounding box. PaddleOCR's "fast" box score.
 */
export function meanInsidePolygon(
  values: Float32Array,
  width: number,
  height: number,
  poly: readonly Point[],
): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of poly) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const x0 = Math.max(0, Math.floor(minX)), x1 = Math.min(width - 1, Math.ceil(maxX));
  const y0 = Math.max(0, Math.floor(minY)), y1 = Math.min(height - 1, Math.ceil(maxY));
  // Orientation-independent convex test: a point is inside when all edge crosses share a sign.
  const n = poly.length;
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let pos = false, neg = false;
      for (let i = 0; i < n; i++) {
        const a = poly[i];
        const b = poly[(i + 1) % n];
        const c = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
        if (c > 1e-9) pos = true;
        else if (c < -1e-9) neg = true;
        if (pos && neg) break;
      }
      if (pos && neg) continue;
      sum += values[y * width + x];
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}
