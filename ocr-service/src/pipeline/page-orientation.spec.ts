import type { Quad } from '../geometry';
import { largestQuads, lineShapes, looksSideways } from './page-orientation';

const rect = (x: number, y: number, w: number, h: number): Quad => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
const cfg = { lineAspect: 2, sidewaysShare: 0.6 };

describe('page orientation from box shapes', () => {
  it('sorts clearly wide and clearly tall boxes, ignoring squarish ones', () => {
    const { wide, tall } = lineShapes([rect(0, 0, 100, 20), rect(0, 0, 20, 100), rect(0, 0, 30, 25)], 2);
    expect(wide).toHaveLength(1);
    expect(tall).toHaveLength(1);
  });

  it('calls a page sideways when most lines stand tall', () => {
    const tall = [rect(0, 0, 20, 300), rect(40, 0, 20, 200), rect(80, 0, 22, 250)];
    expect(looksSideways([...tall, rect(0, 400, 100, 20)], cfg)).toBe(true);
    expect(looksSideways([rect(0, 0, 300, 20), rect(0, 40, 200, 20), rect(0, 0, 20, 100)], cfg)).toBe(false);
  });

  it('needs at least two tall lines: one stamp or a vertical label does not turn a page', () => {
    expect(looksSideways([rect(0, 0, 20, 300)], cfg)).toBe(false);
    expect(looksSideways([rect(0, 0, 30, 25), rect(0, 0, 20, 100)], cfg)).toBe(false);
  });

  it('samples the largest boxes', () => {
    const boxes = [rect(0, 0, 10, 10), rect(0, 0, 100, 20), rect(0, 0, 50, 20)];
    expect(largestQuads(boxes, 2)).toEqual([boxes[1], boxes[2]]);
  });
});
