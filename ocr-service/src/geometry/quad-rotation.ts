import { distance, type Quad } from './point';

/**
 * Crop size of a quad the way PaddleOCR's `get_rotate_crop_image` measures it: the longer of
 * each pair of opposite sides.
 */
export function quadCropSize(q: Quad): { width: number; height: number } {
  return {
    width: Math.max(distance(q[0], q[1]), distance(q[2], q[3])),
    height: Math.max(distance(q[0], q[3]), distance(q[1], q[2])),
  };
}

/**
 * The same quad seen rotated 90° counter-clockwise (numpy `rot90` of the crop): the crop's
 * new top-left is the old top-right. Used for tall crops, which hold vertical text.
 */
export function rotateQuad90(q: Quad): Quad {
  return [q[1], q[2], q[3], q[0]];
}

/** The same quad seen upside down: sampling it yields the crop rotated by 180°. */
export function rotateQuad180(q: Quad): Quad {
  return [q[2], q[3], q[0], q[1]];
}
