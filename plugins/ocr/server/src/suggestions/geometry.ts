import type { Point, Quad } from './types';

/** An axis-aligned rectangle in the page's deskewed frame. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Width of a rectangle. */
export const rectWidth = (r: Rect): number => r.x1 - r.x0;
/** Height of a rectangle. */
export const rectHeight = (r: Rect): number => r.y1 - r.y0;

const distance = (a: Point, b: Point): number => Math.hypot(b[0] - a[0], b[1] - a[1]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const wrap = (angle: number): number => Math.atan2(Math.sin(angle), Math.cos(angle));

/**
 * The page's dominant tilt in radians: the median direction of the top edges of boxes clearly
 * wider than tall (a short box's slope is mostly noise), taken around their circular mean so an
 * upside-down page (±180°) does not average to 0. 0 when there are none.
 */
export function pageAngle(boxes: readonly Quad[]): number {
  const angles = boxes
    .filter((q) => distance(q[0], q[1]) >= 1.5 * distance(q[1], q[2]))
    .map((q) => Math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]));
  if (!angles.length) return 0;
  const mean = Math.atan2(
    angles.reduce((s, a) => s + Math.sin(a), 0),
    angles.reduce((s, a) => s + Math.cos(a), 0),
  );
  return wrap(mean + median(angles.map((a) => wrap(a - mean))));
}

function rotate([x, y]: Point, angle: number): Point {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [x * c - y * s, x * s + y * c];
}

/** The box's bounding rectangle once the page is rotated upright (by `-angle`). */
export function toFrame(box: Quad, angle: number): Rect {
  const points = box.map((p) => rotate(p, -angle));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A frame rectangle back in image pixels, as a quad TL, TR, BR, BL. */
export function fromFrame(r: Rect, angle: number): Quad {
  const corners: Point[] = [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]];
  const [tl, tr, br, bl] = corners.map((p) => rotate(p, angle).map(round1) as Point);
  return [tl, tr, br, bl];
}

/** The smallest rectangle holding all of `rects`. */
export function unionRect(rects: readonly Rect[]): Rect {
  return {
    x0: Math.min(...rects.map((r) => r.x0)),
    y0: Math.min(...rects.map((r) => r.y0)),
    x1: Math.max(...rects.map((r) => r.x1)),
    y1: Math.max(...rects.map((r) => r.y1)),
  };
}

/** Length of the overlap of two intervals (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

const lerp = (a: Point, b: Point, t: number): Point => [round1(a[0] + (b[0] - a[0]) * t), round1(a[1] + (b[1] - a[1]) * t)];

/** The part of a line's box between fractions `from` and `to` of its length (along its own tilt). */
export function subQuad(box: Quad, from: number, to: number): Quad {
  const [tl, tr, br, bl] = box;
  return [lerp(tl, tr, from), lerp(tl, tr, to), lerp(bl, br, to), lerp(bl, br, from)];
}

// Printed width of a character relative to a CJK one: Latin letters, digits and spaces are narrower.
const charWidth = (c: string): number => (/[\u2E80-\uFFEF]/u.test(c) ? 1 : /\s/.test(c) ? 0.35 : 0.55);

/** Where characters `start`–`end` of `chars` sit along the printed line, as fractions 0–1. */
export function charSpanFractions(chars: readonly string[], start: number, end: number): [number, number] {
  const widths = chars.map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const before = widths.slice(0, start).reduce((a, b) => a + b, 0);
  const inside = widths.slice(start, end).reduce((a, b) => a + b, 0);
  return [before / total, (before + inside) / total];
}
