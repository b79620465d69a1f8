import { charSpanFractions, fromFrame, pageAngle, subQuad, toFrame, unionRect } from './geometry';
import { box } from './spec-support';
import type { Point, Quad } from './types';

/** A box rotated by `degrees` about the origin. */
function tilted(quad: Quad, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  return quad.map(([x, y]): Point => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]) as Quad;
}

describe('geometry', () => {
  it('finds the page tilt from wide boxes and ignores near-square ones', () => {
    const boxes = [tilted(box(100, 100, 300, 30), 2), tilted(box(100, 200, 200, 30), 2), tilted(box(500, 500, 30, 30), 20)];
    expect((pageAngle(boxes) * 180) / Math.PI).toBeCloseTo(2, 5);
    expect(pageAngle([])).toBe(0);
  });

  it('finds an upside-down page whose boxes straddle ±180°', () => {
    const boxes = [tilted(box(100, 100, 300, 30), 179), tilted(box(100, 200, 300, 30), -179), tilted(box(100, 300, 300, 30), 179.5)];
    expect(Math.abs((pageAngle(boxes) * 180) / Math.PI)).toBeCloseTo(179.5, 5);
  });

  it('turns a tilted box upright and back', () => {
    const quad = tilted(box(100, 100, 300, 30), 3);
    const angle = (3 * Math.PI) / 180;
    const rect = toFrame(quad, angle);
    expect(rect.x0).toBeCloseTo(100, 3);
    expect(rect.y1).toBeCloseTo(130, 3);
    fromFrame(rect, angle).forEach((point, i) => {
      expect(point[0]).toBeCloseTo(quad[i][0], 0);
      expect(point[1]).toBeCloseTo(quad[i][1], 0);
    });
  });

  it('unions rectangles', () => {
    expect(unionRect([{ x0: 0, y0: 5, x1: 10, y1: 10 }, { x0: 5, y0: 0, x1: 20, y1: 8 }])).toEqual({ x0: 0, y0: 0, x1: 20, y1: 10 });
  });

  it('cuts a share of a line box along its tilt', () => {
    expect(subQuad(box(0, 0, 100, 10), 0.5, 1)).toEqual([[50, 0], [100, 0], [100, 10], [50, 10]]);
  });

  it('weighs CJK characters wider than Latin ones', () => {
    const [from, to] = charSpanFractions(Array.from('经度lo'), 0, 2);
    expect(from).toBe(0);
    expect(to).toBeCloseTo(2 / 3.1, 5);
  });
});
