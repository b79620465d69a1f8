import { fixture, postImages, startTestService, type TestService } from './helpers/test-service';

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('bounded queue: 503 + Retry-After when full; /metrics counts', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService((c) => {
      c.queueSize = 1;
      c.concurrency = 1;
      c.retryAfterSeconds = 3;
    });
  });
  afterAll(() => svc.close());

  it('rejects a second request while the only slot is busy, then serves again', async () => {
    const slow = postImages(svc.baseUrl, Array.from({ length: 4 }, () => fixture('dev/dev-001.jpg')));
    await until(() => svc.server.queue.size === 1);
    const rejected = await postImages(svc.baseUrl, [fixture('peer/text_rec.jpg')]);
    expect(rejected.status).toBe(503);
    expect(rejected.headers.get('retry-after')).toBe('3');
    expect(rejected.body.error.code).toBe('queue_full');
    // A body far larger than the socket buffers: the client must still read the 503, not EPIPE.
    const big = { name: 'big.jpg', data: Buffer.concat([fixture('dev/dev-001.jpg').data, Buffer.alloc(6 * 1024 * 1024)]) };
    const rejectedBig = await postImages(svc.baseUrl, [big]);
    expect(rejectedBig.status).toBe(503);
    const first = await slow;
    expect(first.status).toBe(200);
    await until(() => svc.server.queue.size === 0);
    const again = await postImages(svc.baseUrl, [fixture('peer/text_rec.jpg')]);
    expect(again.status).toBe(200);
  });

  it('exposes request, latency, in-flight, rejected and image counters', async () => {
    await postImages(svc.baseUrl, [fixture('bad/notes.txt')]);
    const res = await fetch(`${svc.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (re: RegExp) => Number(text.match(re)?.[1]);
    expect(value(/^http_requests_total\{route="\/v1\/ocr",method="POST",status="200"\} (\d+)$/m)).toBe(3);
    expect(value(/^http_requests_total\{route="\/v1\/ocr",method="POST",status="503"\} (\d+)$/m)).toBe(2);
    expect(value(/^ocr_requests_rejected_total\{reason="queue_full"\} (\d+)$/m)).toBe(2);
    expect(value(/^ocr_images_total\{outcome="ok",code=""\} (\d+)$/m)).toBe(5);
    expect(value(/^ocr_images_total\{outcome="error",code="unsupported_format"\} (\d+)$/m)).toBe(1);
    expect(value(/^ocr_image_duration_seconds_count\{outcome="ok"\} (\d+)$/m)).toBe(5);
    expect(value(/^ocr_requests_in_flight (\d+)$/m)).toBe(0);
    expect(text).toMatch(/^ocr_stage_duration_seconds_count\{stage="detect"\} 5$/m);
    expect(value(/^http_request_duration_seconds_count\{route="\/v1\/ocr",method="POST",status="200"\} (\d+)$/m)).toBe(3);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",route="\/v1\/ocr",method="POST",status="503"\} 2$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });
});

describe('processing deadline (OCR_PROCESSING_TIMEOUT_MS)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService((c) => {
      c.concurrency = 1;
      c.processingTimeoutMs = 400;
      // The first image must hold the only slot for well over the deadline on any CPU: a
      // 22 MP form decoded at full size and detected at 2560 px (about a second on 2 cores).
      c.pipeline.input.shrinkJpegAbove = 0;
      c.pipeline.det.probeSide = 2560;
      c.pipeline.det.maxSide = 2560;
    });
  });
  afterAll(() => svc.close());

  it('answers the images that started in time and marks the rest as timeout', async () => {
    const sharp: typeof import('sharp') = require('sharp');
    const form = fixture('dev/dev-001.jpg');
    const big = await sharp(form.data).resize(4672, 4780).jpeg({ quality: 60 }).toBuffer();
    const small = fixture('peer/text_rec.jpg');
    const res = await postImages(svc.baseUrl, [{ name: 'big.jpg', data: big }, small, small, small]);
    expect(res.status).toBe(200);
    const codes = res.body.results.map((r: any) => r.error?.code ?? 'ok');
    // Only the first starts within 400 ms; the others wait behind it past the deadline.
    expect(codes).toEqual(['ok', 'timeout', 'timeout', 'timeout']);
  });
});

describe('health and readiness', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('GET /health and GET /ready answer 200 once models are loaded; unknown routes 404 JSON', async () => {
    expect((await fetch(`${svc.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${svc.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const missing = await fetch(`${svc.baseUrl}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
  });
});
