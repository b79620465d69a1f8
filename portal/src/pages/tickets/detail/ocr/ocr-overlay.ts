import type { Point, Quad } from './ocr-types';

/** A width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * A box measured on the upright image (`from`, the OCR result's size) moved onto the image as
 * displayed (`to`): each corner scaled on its own axis. An unknown size gives no box.
 */
export function scaleQuad(box: Quad, from: Size, to: Size): Quad | null {
  if (!(from.width > 0 && from.height > 0 && to.width > 0 && to.height > 0)) return null;
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return box.map(([x, y]) => [x * sx, y * sy]) as Quad;
}

/** An SVG `points` attribute for a quad, rounded to tenths of a pixel. */
export const svgPoints = (quad: readonly Point[]): string =>
  quad.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' ');

/** True when `box` is four finite points (anything else from the server is skipped, not drawn). */
export const isQuad = (box: unknown): box is Quad =>
  Array.isArray(box) &&
  box.length === 4 &&
  box.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
