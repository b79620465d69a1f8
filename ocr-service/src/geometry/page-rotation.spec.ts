import { rotatePoint, rotateQuad, unrotatePoint, unrotateQuad, type PageRotation } from './page-rotation';
import type { Quad } from './point';

describe('page rotation', () => {
  const [w, h] = [200, 100];
  const box: Quad = [[10, 20], [60, 20], [60, 30], [10, 30]];

  it('turns points clockwise as sharp.rotate does (continuous pixel edges)', () => {
    expect(rotatePoint([0, 0], 90, w, h)).toEqual([100, 0]);
    expect(rotatePoint([200, 0], 90, w, h)).toEqual([100, 200]);
    expect(rotatePoint([0, 0], 180, w, h)).toEqual([200, 100]);
    expect(rotatePoint([0, 0], 270, w, h)).toEqual([0, 200]);
  });

  it.each([0, 90, 180, 270] as PageRotation[])('unrotate undoes rotate at %i°', (r) => {
    expect(unrotatePoint(rotatePoint([13, 57], r, w, h), r, w, h)).toEqual([13, 57]);
    expect(unrotateQuad(rotateQuad(box, r, w, h), r, w, h)).toEqual(box);
  });

  it('keeps corners TL, TR, BR, BL in the frame the quad is expressed in', () => {
    // Turned 90° clockwise the wide box stands tall at x 70..80, y 10..60.
    expect(rotateQuad(box, 90, w, h)).toEqual([[70, 10], [80, 10], [80, 60], [70, 60]]);
    expect(rotateQuad(box, 270, w, h)).toEqual([[20, 140], [30, 140], [30, 190], [20, 190]]);
  });
});
