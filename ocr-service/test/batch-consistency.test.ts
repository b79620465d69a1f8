import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, fixture, postImages, startTestService, type TestService } from './helpers/test-service';

const eight = readdirSync(path.join(FIXTURES, 'dev'))
  .filter((f) => f.endsWith('.jpg'))
  .sort()
  .slice(0, 8)
  .map((n) => fixture(`dev/${n}`));

describe('a batch of 8 reads as 8 single requests', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('returns the same lines (text, per-character confidences, boxes) whether the images come together or alone', async () => {
    const batch = await postImages(svc.baseUrl, eight);
    expect(batch.status).toBe(200);
    for (let i = 0; i < eight.length; i++) {
      const single = await postImages(svc.baseUrl, [eight[i]]);
      expect(single.status).toBe(200);
      // Everything but the timing.
      const alone = { ...single.body.results[0], durationMs: 0 };
      const together = { ...batch.body.results[i], durationMs: 0 };
      expect(together).toEqual(alone);
      expect(alone.lines.length).toBeGreaterThan(0);
    }
  });
});
