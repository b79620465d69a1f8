import { readdirSync } from 'node:fs';
import path from 'node:path';
import { matchBoxes } from '../src/eval/box-matching';
import { corpusCer, pageErrors } from '../src/eval/text-metrics';
import type { TruthPage } from '../src/eval/truth-file';
import { FIXTURES, fixture, postImages, startTestService, type TestService } from './helpers/test-service';

const devNames = readdirSync(path.join(FIXTURES, 'dev'))
  .filter((f) => f.endsWith('.jpg'))
  .sort();
const truthOf = (img: string): TruthPage => require(path.join(FIXTURES, 'dev', img.replace(/\.jpg$/, '.json')));

describe('OCR accuracy on ocr-dev fixtures, through POST /v1/ocr', () => {
  let svc: TestService;
  let results: any[];

  beforeAll(async () => {
    svc = await startTestService();
    const res = await postImages(svc.baseUrl, devNames.map((n) => fixture(`dev/${n}`)));
    expect(res.status).toBe(200);
    results = res.body.results;
  });
  afterAll(() => svc.close());

  it('returns one result per image, in request order, with the image size', () => {
    expect(results).toHaveLength(devNames.length);
    results.forEach((r, i) => {
      const truth = truthOf(devNames[i]);
      expect(r.filename).toBe(devNames[i]);
      expect([r.width, r.height]).toEqual([truth.width, truth.height]);
      expect(r.durationMs).toBeGreaterThan(0);
    });
  });

  it('has a character error rate ≤ 0.005 (NFKC, whitespace removed, reading-order page text)', () => {
    const pages = results.map((r, i) =>
      pageErrors(truthOf(devNames[i]).lines.map((l) => l.text), r.lines.map((l: any) => l.text)),
    );
    const cer = corpusCer(pages);
    expect(cer).toBeLessThanOrEqual(0.005);
  });

  it('places boxes in original-image pixels: IoU ≥ 0.5 for ≥ 95 % of truth lines', () => {
    let total = 0;
    let hit = 0;
    results.forEach((r, i) => {
      const truth = truthOf(devNames[i]);
      const m = matchBoxes(truth.lines.map((l) => l.box), r.lines.map((l: any) => l.box));
      total += m.length;
      hit += m.filter((x) => x.iou >= 0.5).length;
    });
    expect(hit / total).toBeGreaterThanOrEqual(0.95);
  });

  it('returns lines in reading order (the truth order of the matched lines)', () => {
    results.forEach((r, i) => {
      const truth = truthOf(devNames[i]);
      const m = matchBoxes(truth.lines.map((l) => l.box), r.lines.map((l: any) => l.box));
      const predictedOrder = m.filter((x) => x.iou >= 0.5).map((x) => x.index);
      const sorted = [...predictedOrder].sort((a, b) => a - b);
      expect({ image: devNames[i], order: predictedOrder }).toEqual({ image: devNames[i], order: sorted });
    });
  });

  it('gives every line a confidence in (0, 1] and a 4-point integer box inside the image', () => {
    for (const r of results) {
      for (const line of r.lines) {
        expect(line.confidence).toBeGreaterThan(0);
        expect(line.confidence).toBeLessThanOrEqual(1);
        expect(line.box).toHaveLength(4);
        for (const [x, y] of line.box) {
          expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(r.width);
          expect(y).toBeLessThanOrEqual(r.height);
        }
      }
    }
  });

  it('drops lines below minConfidence', async () => {
    const res = await postImages(svc.baseUrl, [fixture('dev/dev-004.jpg')], '?minConfidence=0.999');
    expect(res.status).toBe(200);
    for (const line of res.body.results[0].lines) expect(line.confidence).toBeGreaterThanOrEqual(0.999);
    expect(res.body.results[0].lines.length).toBeLessThan(results[devNames.indexOf('dev-004.jpg')].lines.length);
  });

  it('accepts maxSide and still reads a large-text form', async () => {
    const res = await postImages(svc.baseUrl, [fixture('dev/dev-001.jpg')], '?maxSide=960');
    const truth = truthOf('dev-001.jpg');
    const page = pageErrors(truth.lines.map((l) => l.text), res.body.results[0].lines.map((l: any) => l.text));
    expect(page.edits / page.length).toBeLessThanOrEqual(0.01);
  });

  it('reads an upside-down page with cls=true, lines in the reading order of the page itself', async () => {
     
    const sharp: typeof import('sharp') = require('sharp');
    const upsideDown = await sharp(fixture('dev/dev-001.jpg').data).rotate(180).jpeg({ quality: 90 }).toBuffer();
    const res = await postImages(svc.baseUrl, [{ name: 'upside-down.jpg', data: upsideDown }], '?cls=true');
    const lines = res.body.results[0].lines;
    expect(lines.every((l: any) => l.angle === 180)).toBe(true);
    const truth = truthOf('dev-001.jpg');
    const page = pageErrors(truth.lines.map((l) => l.text), lines.map((l: any) => l.text));
    expect(page.edits / page.length).toBeLessThanOrEqual(0.01);
  });

  it('processes a batch of 16 images', async () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => fixture(`dev/${devNames[i % devNames.length]}`));
    const res = await postImages(svc.baseUrl, sixteen);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(16);
    res.body.results.forEach((r: any, i: number) => {
      expect(r.error).toBeUndefined();
      // Same image, same answer: the batch changes nothing per image.
      expect(r.lines.map((l: any) => l.text)).toEqual(results[i % devNames.length].lines.map((l: any) => l.text));
    });
  });
});
