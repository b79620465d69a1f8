import { convexHull } from './convex-hull';
import { connectedComponents } from './connected-components';
import { applyHomography, perspectiveTransform } from './homography';
import { minAreaRect, orderQuad, rectCorners, unclipRect } from './min-area-rect';
import { meanInsidePolygon } from './point-in-quad';
import type { Point, Quad } from './point';
import { polygonArea, polygonPerimeter } from './polygon';
import { polygonIou } from './polygon-iou';
import { quadCropSize, rotateQuad180, rotateQuad90 } from './quad-rotation';

const close = (a: Point, b: Point, eps = 1e-6) => {
  expect(a[0]).toBeCloseTo(b[0], 5);
  expect(a[1]).toBeCloseTo(b[1], 5);
  return eps;
};

describe('convexHull', () => {
  it('drops interior and collinear points', () => {
    const hull = convexHull([[0, 0], [2, 0], [4, 0], [4, 4], [0, 4], [2, 2], [1, 3]]);
    expect(hull).toHaveLength(4);
    expect(polygonArea(hull)).toBe(16);
  });
  it('passes tiny inputs through', () => {
    expect(convexHull([[1, 1]])).toEqual([[1, 1]]);
  });
});

describe('polygon area / perimeter', () => {
  it('measures a 3×2 rectangle either winding', () => {
    const r: Point[] = [[0, 0], [3, 0], [3, 2], [0, 2]];
    expect(polygonArea(r)).toBe(6);
    expect(polygonArea([...r].reverse())).toBe(6);
    expect(polygonPerimeter(r)).toBe(10);
  });
});

describe('minAreaRect', () => {
  it('finds the axis-aligned box of an axis-aligned blob', () => {
    const pts: Point[] = [];
    for (let x = 10; x <= 50; x++) for (let y = 5; y <= 15; y += 10) pts.push([x, y]);
    const r = minAreaRect(pts);
    expect(Math.max(r.width, r.height)).toBeCloseTo(40);
    expect(Math.min(r.width, r.height)).toBeCloseTo(10);
    close(r.center, [30, 10]);
  });
  it('recovers a 30°-rotated 100×20 rectangle from its corners and edge points', () => {
    const a = Math.PI / 6;
    const u: Point = [Math.cos(a), Math.sin(a)];
    const v: Point = [-Math.sin(a), Math.cos(a)];
    const pts: Point[] = [];
    for (let s = 0; s <= 100; s += 5) for (const t of [0, 20]) pts.push([200 + u[0] * s + v[0] * t, 100 + u[1] * s + v[1] * t]);
    const r = minAreaRect(pts);
    expect(r.width * r.height).toBeCloseTo(2000, 3);
    expect(Math.max(r.width, r.height)).toBeCloseTo(100, 3);
  });
});

describe('orderQuad / rectCorners', () => {
  it('orders corners TL, TR, BR, BL whatever the input order', () => {
    expect(orderQuad([[10, 20], [0, 0], [10, 0], [0, 20]])).toEqual([[0, 0], [10, 0], [10, 20], [0, 20]]);
  });
  it('gives the corners of a rotated rect in that order', () => {
    const q = rectCorners({ center: [50, 50], width: 40, height: 10, u: [0, 1] });
    expect(q[0][0]).toBeLessThan(q[1][0]);
    expect(q[3][1]).toBeGreaterThan(q[0][1]);
    expect(polygonArea(q)).toBeCloseTo(400);
  });
});

describe('unclipRect', () => {
  it('grows each side by area·ratio/perimeter', () => {
    const r = unclipRect({ center: [0, 0], width: 100, height: 20, u: [1, 0] }, 1.5);
    const d = (2000 * 1.5) / 240;
    expect(r.width).toBeCloseTo(100 + 2 * d);
    expect(r.height).toBeCloseTo(20 + 2 * d);
  });
});

describe('polygonIou', () => {
  const sq = (x: number, y: number, s: number): Point[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
  it('is 1 for identical, 0 for disjoint, 1/7 for a quarter overlap of equal squares', () => {
    expect(polygonIou(sq(0, 0, 10), sq(0, 0, 10))).toBeCloseTo(1);
    expect(polygonIou(sq(0, 0, 10), sq(20, 20, 10))).toBe(0);
    expect(polygonIou(sq(0, 0, 10), sq(5, 5, 10))).toBeCloseTo(25 / 175);
  });
  it('handles opposite windings', () => {
    expect(polygonIou(sq(0, 0, 10), [...sq(0, 0, 10)].reverse())).toBeCloseTo(1);
  });
});

describe('perspectiveTransform', () => {
  it('maps each source corner onto its destination corner', () => {
    const from: Quad = [[0, 0], [100, 0], [100, 20], [0, 20]];
    const to: Quad = [[12, 7], [118, 15], [115, 40], [10, 30]];
    const m = perspectiveTransform(from, to);
    from.forEach((p, i) => close(applyHomography(m, p), to[i]));
  });
  it('refuses a degenerate quad', () => {
    expect(() => perspectiveTransform([[0, 0], [0, 0], [0, 0], [0, 0]], [[0, 0], [1, 0], [1, 1], [0, 1]])).toThrow();
  });
});

describe('quad rotation', () => {
  const q: Quad = [[0, 0], [10, 0], [10, 40], [0, 40]];
  it('measures crop size from the longer opposite sides', () => {
    expect(quadCropSize(q)).toEqual({ width: 10, height: 40 });
  });
  it('turns a tall quad into a wide one and back to itself after four turns', () => {
    expect(quadCropSize(rotateQuad90(q))).toEqual({ width: 40, height: 10 });
    expect(rotateQuad90(rotateQuad90(rotateQuad90(rotateQuad90(q))))).toEqual(q);
    expect(rotateQuad180(q)).toEqual([[10, 40], [0, 40], [0, 0], [10, 0]]);
  });
});

describe('connectedComponents', () => {
  it('labels 8-connected blobs and returns their borders', () => {
    const w = 8, h = 5;
    const map = new Uint8Array(w * h);
    // Blob A: 3×3 square at (0,0); blob B: diagonal pair at (6,3),(7,4) (8-connected).
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) map[y * w + x] = 1;
    map[3 * w + 6] = 1;
    map[4 * w + 7] = 1;
    const comps = connectedComponents(map, w, h);
    expect(comps.map((c) => c.size).sort()).toEqual([2, 9]);
    const a = comps.find((c) => c.size === 9)!;
    expect(a.border).toHaveLength(8); // every pixel but the centre
  });
  it('stops at maxComponents', () => {
    const map = Uint8Array.from([1, 0, 1, 0, 1]);
    expect(connectedComponents(map, 5, 1, 2)).toHaveLength(2);
  });
});

describe('meanInsidePolygon', () => {
  it('averages only the pixels inside the quad', () => {
    const w = 10, h = 10;
    const values = new Float32Array(w * h);
    for (let y = 2; y <= 4; y++) for (let x = 2; x <= 6; x++) values[y * w + x] = 1;
    expect(meanInsidePolygon(values, w, h, [[2, 2], [6, 2], [6, 4], [2, 4]])).toBeCloseTo(1);
    expect(meanInsidePolygon(values, w, h, [[0, 0], [9, 0], [9, 9], [0, 9]])).toBeCloseTo(15 / 100);
  });
});
