import path from 'node:path';
import sharp from 'sharp';
import { matchBoxes } from '../src/eval/box-matching';
import { pageErrors } from '../src/eval/text-metrics';
import type { TruthPage } from '../src/eval/truth-file';
import type { Quad } from '../src/geometry';
import { FIXTURES, fixture, postImages, startTestService, type TestService } from './helpers/test-service';

describe('a large JPEG is decoded shrunk and answered in its own pixels', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('reads a 4× copy of a form (4672×4780) with boxes and size in the uploaded pixels', async () => {
    const truth: TruthPage = require(path.join(FIXTURES, 'dev', 'dev-001.json'));
    const k = 4;
    const big = await sharp(fixture('dev/dev-001.jpg').data)
      .resize(truth.width * k, truth.height * k, { kernel: 'cubic' })
      .jpeg({ quality: 80 })
      .toBuffer();
    const res = await postImages(svc.baseUrl, [{ name: 'big.jpg', data: big }]);
    expect(res.status).toBe(200);
    const r = res.body.results[0];
    expect([r.width, r.height]).toEqual([truth.width * k, truth.height * k]);
    const page = pageErrors(truth.lines.map((l) => l.text), r.lines.map((l: any) => l.text));
    expect(page.edits / page.length).toBeLessThanOrEqual(0.01);
    const scaled = truth.lines.map((l) => l.box.map(([x, y]) => [x * k, y * k]) as Quad);
    const m = matchBoxes(scaled, r.lines.map((l: any) => l.box));
    expect(m.filter((x) => x.iou >= 0.5).length / m.length).toBeGreaterThanOrEqual(0.95);
  });
});
