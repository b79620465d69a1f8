/** A 2-D point `[x, y]` in pixels. */
export type Point = [number, number];

/** Four corners, clockwise from top-left: TL, TR, BR, BL. */
export type Quad = [Point, Point, Point, Point];

/** Euclidean distance between two points. */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Cross product of (b - a) × (c - a); > 0 when a→b→c turns counter-clockwise in y-up axes. */
export function cross(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}
