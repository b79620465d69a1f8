import { DEFAULT_PIPELINE_CONFIG } from './pipeline-config';
import { loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('has documented defaults', () => {
    const c = loadServiceConfig({}, 2);
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 8000,
      intraOpThreads: 2,
      interOpThreads: 1,
      ortSpinning: false,
      foldModels: true,
      concurrency: 2,
      queueSize: 8,
      retryAfterSeconds: 2,
      requestTimeoutMs: 60000,
      processingTimeoutMs: 120000,
      maxImages: 16,
      bodyLimit: 16 * 10 * 1024 * 1024 + 1024 * 1024,
    });
    expect(c.pipeline).toEqual(DEFAULT_PIPELINE_CONFIG);
  });
  it('reads every variable', () => {
    const c = loadServiceConfig(
      {
        HOST: '127.0.0.1',
        PORT: '9000',
        OCR_INTRA_OP_THREADS: '1',
        OCR_CONCURRENCY: '1',
        OCR_QUEUE_SIZE: '3',
        OCR_BODY_LIMIT_BYTES: '1000',
        OCR_REQUEST_TIMEOUT_MS: '5000',
        OCR_PROCESSING_TIMEOUT_MS: '7000',
        OCR_MAX_IMAGE_BYTES: '2000',
        OCR_MAX_IMAGE_PIXELS: '1000000',
        OCR_DET_MAX_SIDE: '960',
        OCR_CLS_DEFAULT: 'true',
        OCR_MIN_CONFIDENCE: '0.7',
        OCR_FOLD_MODELS: 'false',
      },
      2,
    );
    expect(c).toMatchObject({ host: '127.0.0.1', port: 9000, intraOpThreads: 1, concurrency: 1, queueSize: 3, bodyLimit: 1000 });
    expect(c).toMatchObject({ requestTimeoutMs: 5000, processingTimeoutMs: 7000 });
    expect(c.pipeline.input).toMatchObject({ maxBytes: 2000, maxPixels: 1000000 });
    expect(c.pipeline.det.maxSide).toBe(960);
    expect(c.pipeline.cls.enabled).toBe(true);
    expect(c.pipeline.rec.minConfidence).toBe(0.7);
    expect(c.foldModels).toBe(false);
    // The defaults object itself is never mutated.
    expect(DEFAULT_PIPELINE_CONFIG.det.maxSide).not.toBe(960);
  });
  it('fails fast on garbage', () => {
    expect(() => loadServiceConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadServiceConfig({ OCR_CLS_DEFAULT: 'perhaps' })).toThrow(/OCR_CLS_DEFAULT/);
  });
});
