import { fixture, postImages, startTestService, type TestService, type Upload } from './helpers/test-service';

/** Issue 5 §4: each bad file fails alone; the good ones in the same batch still succeed. */
describe('bad inputs become per-image errors', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  const good = fixture('peer/text_rec.jpg');
  const jpeg = fixture('dev/dev-013.jpg');
  const bigJpeg: Upload = {
    name: 'eleven-mb.jpg',
    // A JPEG signature followed by 11 MB: over the 10 MB limit, whatever the content.
    data: Buffer.concat([jpeg.data.subarray(0, 4), Buffer.alloc(11 * 1024 * 1024, 0x55)]),
  };
  const cases: [string, Upload, string][] = [
    ['HEIC (real HEVC-coded file)', fixture('bad/image.heic'), 'unsupported_format'],
    ['AVIF', fixture('bad/image.avif'), 'unsupported_format'],
    ['BMP', fixture('bad/image.bmp'), 'unsupported_format'],
    ['SVG', fixture('bad/image.svg'), 'unsupported_format'],
    ['PDF', fixture('bad/document.pdf'), 'unsupported_format'],
    ['plain text', fixture('bad/notes.txt'), 'unsupported_format'],
    ['a zip of images', fixture('bad/images.zip'), 'unsupported_format'],
    ['truncated JPEG', { name: 'truncated.jpg', data: jpeg.data.subarray(0, jpeg.data.length >> 1) }, 'corrupt_image'],
    ['empty file', { name: 'empty.jpg', data: Buffer.alloc(0) }, 'empty'],
    ['over 10 MB', bigJpeg, 'too_large'],
    ['over 40 megapixels (8000×6000 PNG, refused from its header)', fixture('bad/huge-48mp.png'), 'too_many_pixels'],
  ];

  it.each(cases)('%s → error %s, neighbours succeed', async (_label, upload, code) => {
    const res = await postImages(svc.baseUrl, [good, upload, good]);
    expect(res.status).toBe(200);
    const [a, bad, b] = res.body.results;
    expect(bad.error.code).toBe(code);
    expect(typeof bad.error.message).toBe('string');
    expect(bad.lines).toBeUndefined();
    for (const ok of [a, b]) expect(ok.lines.map((l: any) => l.text).join('')).toBe('韩国小馆');
  });

  it('all bad inputs in one batch: one error each, in order, good images read, service still up', async () => {
    const uploads = [good, ...cases.slice(0, 9).map(([, u]) => u), good];
    // 11 images; the 11 MB one and the 48 MP one are covered above (body size).
    const res = await postImages(svc.baseUrl, uploads);
    expect(res.status).toBe(200);
    const codes = res.body.results.map((r: any) => r.error?.code ?? 'ok');
    expect(codes).toEqual(['ok', ...cases.slice(0, 9).map(([, , c]) => c), 'ok']);
    const health = await fetch(`${svc.baseUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses more than 16 images with 413', async () => {
    const res = await postImages(svc.baseUrl, Array.from({ length: 17 }, () => good));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_many_images');
  });

  it('refuses a request without images, or not multipart, with a JSON error', async () => {
    const empty = await fetch(`${svc.baseUrl}/v1/ocr`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    const json = await fetch(`${svc.baseUrl}/v1/ocr`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as any).error.code).toBe('not_multipart');
  });

  it('rejects invalid query options with 400', async () => {
    for (const q of ['?minConfidence=2', '?cls=maybe', '?maxSide=10']) {
      const res = await postImages(svc.baseUrl, [good], q);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_query');
    }
  });
});

describe('request body limit', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService((c) => {
      c.bodyLimit = 200 * 1024;
    });
  });
  afterAll(() => svc.close());

  it('answers 413 when Content-Length is over OCR_BODY_LIMIT_BYTES', async () => {
    const res = await postImages(svc.baseUrl, [fixture('dev/dev-001.jpg'), fixture('dev/dev-001.jpg')]);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });
});

describe('accepted formats', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('reads the same line from JPEG, PNG, WebP, TIFF, greyscale and 16-bit PNG', async () => {
     
    const sharp: typeof import('sharp') = require('sharp');
    const src = fixture('peer/text_rec.jpg').data;
    const uploads = [
      { name: 'a.jpg', data: src },
      { name: 'a.png', data: await sharp(src).png().toBuffer() },
      { name: 'a.webp', data: await sharp(src).webp({ quality: 90 }).toBuffer() },
      { name: 'a.tiff', data: await sharp(src).tiff().toBuffer() },
      { name: 'grey.png', data: await sharp(src).greyscale().png().toBuffer() },
      { name: 'deep.png', data: await sharp(src).toColourspace('rgb16').png().toBuffer() },
    ];
    const res = await postImages(svc.baseUrl, uploads);
    expect(res.status).toBe(200);
    for (const r of res.body.results) {
      expect({ file: r.filename, text: r.lines?.map((l: any) => l.text).join('') }).toEqual({ file: r.filename, text: '韩国小馆' });
    }
  });
});
