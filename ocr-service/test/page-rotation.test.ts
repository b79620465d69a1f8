import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { matchBoxes } from '../src/eval/box-matching';
import { corpusCer, pageErrors } from '../src/eval/text-metrics';
import type { TruthPage } from '../src/eval/truth-file';
import { rotateQuad, type PageRotation } from '../src/geometry';
import { FIXTURES, fixture, postImages, startTestService, type TestService, type Upload } from './helpers/test-service';

// Six forms and photos of different sizes; rotated copies are made here, not committed.
const names = ['dev-001.jpg', 'dev-004.jpg', 'dev-005.jpg', 'dev-017.jpg', 'dev-023.jpg', 'dev-029.jpg'];
const truthOf = (n: string): TruthPage => require(path.join(FIXTURES, 'dev', n.replace(/\.jpg$/, '.json')));

/** A copy turned clockwise by `angle` with no EXIF orientation: a photo taken with the phone held sideways. */
async function turned(upload: Upload, angle: number): Promise<Upload> {
  const data = await sharp(upload.data).rotate(angle).jpeg({ quality: 92 }).toBuffer();
  return { name: `${angle}-${upload.name}`, data };
}

describe('pages held sideways or upside down (no EXIF) are turned and read whole', () => {
  let svc: TestService;
  /** Upright results per query: the turned copies are compared with the upright pages read the same way. */
  const upright: Record<string, any[]> = {};
  beforeAll(async () => {
    expect(names.every((n) => readdirSync(path.join(FIXTURES, 'dev')).includes(n))).toBe(true);
    svc = await startTestService();
    for (const query of ['', '?cls=true']) {
      upright[query] = (await postImages(svc.baseUrl, names.map((n) => fixture(`dev/${n}`)), query)).body.results;
    }
  });
  afterAll(() => svc.close());

  const cerOf = (results: any[]) =>
    corpusCer(results.map((r, i) => pageErrors(truthOf(names[i]).lines.map((l) => l.text), r.lines.map((l: any) => l.text))));

  it('reads upright pages without turning them, with or without the classifier', () => {
    for (const results of Object.values(upright)) expect(results.map((r) => r.rotation)).toEqual(names.map(() => 0));
  });

  // Sideways needs nothing but the boxes' shapes; upside down needs the classifier (cls=true),
  // which upright pages should not pay for by default.
  it.each([
    [90, ''],
    [180, '?cls=true'],
    [270, ''],
  ])('a copy turned %i° clockwise (query "%s"): CER within 0.01 of upright, boxes on the turned image', async (angle, query) => {
    const copies = await Promise.all(names.map((n) => turned(fixture(`dev/${n}`), angle)));
    const res = await postImages(svc.baseUrl, copies, query);
    expect(res.status).toBe(200);
    const results = res.body.results;
    // Turning the image back by (360 − angle) makes the page upright.
    expect(results.map((r: any) => r.rotation)).toEqual(names.map(() => (360 - angle) % 360));
    expect(cerOf(results)).toBeLessThanOrEqual(cerOf(upright[query]) + 0.01);
    let total = 0;
    let hit = 0;
    results.forEach((r: any, i: number) => {
      const truth = truthOf(names[i]);
      const sideways = angle % 180 !== 0;
      expect([r.width, r.height]).toEqual(sideways ? [truth.height, truth.width] : [truth.width, truth.height]);
      // The truth boxes as they lie in the turned copy.
      const expected = truth.lines.map((l) => rotateQuad(l.box, angle as PageRotation, truth.width, truth.height));
      const m = matchBoxes(expected, r.lines.map((l: any) => l.box));
      total += m.length;
      hit += m.filter((x) => x.iou >= 0.5).length;
    });
    expect(hit / total).toBeGreaterThanOrEqual(0.95);
  });
});
