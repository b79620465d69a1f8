import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '../geometry';
import type { TruthPage } from '../eval/truth-file';
import { dominantAngle, sortReadingOrder } from './reading-order';

const devDir = path.join(__dirname, '..', '..', 'test', 'fixtures', 'dev');
const pages: TruthPage[] = readdirSync(devDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(devDir, f), 'utf8')));

/** Deterministic shuffle (so a failure reproduces). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('sortReadingOrder on real ocr-dev truth boxes (forms, tables, tilted photos)', () => {
  it.each(pages.map((p) => [p.image, p] as const))('%s: shuffled boxes come back in truth order', (_name, page) => {
    const lines = page.lines.map((l, i) => ({ i, box: l.box }));
    for (const seed of [1, 2, 3]) {
      const sorted = sortReadingOrder(shuffled(lines, seed), (l) => l.box);
      expect(sorted.map((l) => l.i)).toEqual(lines.map((l) => l.i));
    }
  });

  it('keeps two cells of a 3°-tilted row together, left first', () => {
    const tilt = (x: number, y: number, w: number, h: number, a: number): Quad => {
      const c = Math.cos(a), s = Math.sin(a);
      const p = (dx: number, dy: number): [number, number] => [x + dx * c - dy * s, y + dx * s + dy * c];
      return [p(0, 0), p(w, 0), p(w, h), p(0, h)];
    };
    const a = -3 * (Math.PI / 180);
    // Row 1: cells at x=0 and x=600 (the right one sits ~31 px higher), row 2 below.
    const boxes = [tilt(600, 100 + 600 * Math.sin(a), 200, 25, a), tilt(0, 160, 300, 25, a), tilt(0, 100, 300, 25, a)];
    const order = sortReadingOrder(boxes, (b) => b);
    expect(order).toEqual([boxes[2], boxes[0], boxes[1]]);
    expect(dominantAngle(boxes)).toBeCloseTo(a, 5);
  });
});
