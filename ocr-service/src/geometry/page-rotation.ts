import type { Point, Quad } from './point';

/** Clockwise turn, in degrees, that makes a page upright. */
export type PageRotation = 0 | 90 | 180 | 270;

/**
 * Where point `p` of a `width × height` image lands once the image is turned clockwise by
 * `rotation` (coordinates are continuous: pixel edges run from 0 to width). Pure.
 */
export function rotatePoint([x, y]: Point, rotation: PageRotation, width: number, height: number): Point {
  switch (rotation) {
    case 90:
      return [height - y, x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [y, width - x];
    default:
      return [x, y];
  }
}

/** Inverse of {@link rotatePoint}: a point of the turned image back in the original's pixels. Pure. */
export function unrotatePoint([x, y]: Point, rotation: PageRotation, width: number, height: number): Point {
  switch (rotation) {
    case 90:
      return [y, height - x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [width - y, x];
    default:
      return [x, y];
  }
}

/** Which corner of the turned quad becomes the original image's TL, TR, BR, BL. */
const CORNER_ORDER: Record<PageRotation, [number, number, number, number]> = {
  0: [0, 1, 2, 3],
  90: [1, 2, 3, 0],
  180: [2, 3, 0, 1],
  270: [3, 0, 1, 2],
};

/**
 * A quad found in the image turned by `rotation`, back in the original `width × height`
 * image's pixels, its corners again TL, TR, BR, BL in that image's frame. Pure.
 */
export function unrotateQuad(q: Quad, rotation: PageRotation, width: number, height: number): Quad {
  return CORNER_ORDER[rotation].map((i) => unrotatePoint(q[i], rotation, width, height)) as Quad;
}

/** A quad of the original image as it lies in the image turned by `rotation` (TL, TR, BR, BL there). Pure. */
export function rotateQuad(q: Quad, rotation: PageRotation, width: number, height: number): Quad {
  const inverse = CORNER_ORDER[((360 - rotation) % 360) as PageRotation];
  return inverse.map((i) => rotatePoint(q[i], rotation, width, height)) as Quad;
}
