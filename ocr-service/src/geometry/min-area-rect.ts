import { convexHull } from './convex-hull';
import type { Point, Quad } from './point';

/** A rotated rectangle: centre, side lengths along its own axes, and unit axis `u` (v = u⊥). */
export interface RotatedRect {
  center: Point;
  /** Side length along `u`. */
  width: number;
  /** Side length along `v` (u rotated +90°). */
  height: number;
  u: Point;
}

/**
 * Minimum-area enclosing rectangle of a point set (rotating calipers over the convex hull's
 * edges: the optimal rectangle has a side collinear with a hull edge). Equivalent to
 * OpenCV's `minAreaRect`, which PaddleOCR's DB post-process uses.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: [0, 0], width: 0, height: 0, u: [1, 0] };
  if (hull.length === 1) return { center: [hull[0][0], hull[0][1]], width: 0, height: 0, u: [1, 0] };
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    // v is u rotated by +90°.
    const vx = -uy;
    const vy = ux;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const pu = p[0] * ux + p[1] * uy;
      const pv = p[0] * vx + p[1] * vy;
      if (pu < minU) minU = pu;
      if (pu > maxU) maxU = pu;
      if (pv < minV) minV = pv;
      if (pv > maxV) maxV = pv;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: [cu * ux + cv * vx, cu * uy + cv * vy],
        width: maxU - minU,
        height: maxV - minV,
        u: [ux, uy],
      };
    }
  }
  return best ?? { center: [hull[0][0], hull[0][1]], width: 0, height: 0, u: [1, 0] };
}

/** The four corners of a rotated rectangle, ordered as {@link orderQuad} does. */
export function rectCorners(r: RotatedRect): Quad {
  const [ux, uy] = r.u;
  const vx = -uy;
  const vy = ux;
  const hw = r.width / 2;
  const hh = r.height / 2;
  const [cx, cy] = r.center;
  const pts: Point[] = [
    [cx - ux * hw - vx * hh, cy - uy * hw - vy * hh],
    [cx + ux * hw - vx * hh, cy + uy * hw - vy * hh],
    [cx + ux * hw + vx * hh, cy + uy * hw + vy * hh],
    [cx - ux * hw + vx * hh, cy - uy * hw + vy * hh],
  ];
  return orderQuad(pts);
}

/**
 * Orders four corners clockwise (in image axes, y down) starting top-left, the way
 * PaddleOCR's `get_mini_boxes` does: the two left-most points give TL (upper) and BL, the two
 * right-most give TR (upper) and BR. Stable for the near-horizontal boxes text produces.
 */
export function orderQuad(points: readonly Point[]): Quad {
  const pts = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const [l1, l2, r1, r2] = pts;
  const [tl, bl] = l1[1] <= l2[1] ? [l1, l2] : [l2, l1];
  const [tr, br] = r1[1] <= r2[1] ? [r1, r2] : [r2, r1];
  return [tl, tr, br, bl];
}

/**
 * DB "unclip": grow a rectangle outward by d = area · ratio / perimeter on every side. For a
 * rectangle this equals PaddleOCR's pyclipper round-join offset followed by `minAreaRect`.
 */
export function unclipRect(r: RotatedRect, ratio: number): RotatedRect {
  const area = r.width * r.height;
  const perimeter = 2 * (r.width + r.height);
  if (perimeter === 0) return r;
  const d = (area * ratio) / perimeter;
  return { center: r.center, u: r.u, width: r.width + 2 * d, height: r.height + 2 * d };
}
