import { polygonArea, signedArea } from './polygon';
import type { Point } from './point';

/** Clips convex `subject` by convex `clip` (Sutherland–Hodgman); both any winding. */
export function clipConvex(subject: readonly Point[], clip: readonly Point[]): Point[] {
  // Normalise both to the same winding so "inside" is one sign of the cross product.
  const c = signedArea(clip) < 0 ? [...clip].reverse() : [...clip];
  let output: Point[] = signedArea(subject) < 0 ? [...subject].reverse() : [...subject];
  for (let i = 0; i < c.length && output.length > 0; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const inside = (p: Point) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const pIn = inside(p);
      const qIn = inside(q);
      if (pIn) output.push(p);
      if (pIn !== qIn) output.push(intersect(p, q, a, b));
    }
  }
  return output;
}

function intersect(p: Point, q: Point, a: Point, b: Point): Point {
  const d1x = q[0] - p[0], d1y = q[1] - p[1];
  const d2x = b[0] - a[0], d2y = b[1] - a[1];
  const den = d1x * d2y - d1y * d2x;
  if (den === 0) return p;
  const t = ((a[0] - p[0]) * d2y - (a[1] - p[1]) * d2x) / den;
  return [p[0] + t * d1x, p[1] + t * d1y];
}

/** Intersection over union of two convex polygons (quads from the detector or the truth). */
export function polygonIou(a: readonly Point[], b: readonly Point[]): number {
  const inter = polygonArea(clipConvex(a, b));
  const union = polygonArea(a) + polygonArea(b) - inter;
  return union > 0 ? inter / union : 0;
}
