import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's Prometheus metrics, on a registry of its own (no global state in tests). */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  requestDuration: Histogram<'route' | 'method' | 'status'>;
  inFlight: Gauge;
  rejected: Counter<'reason'>;
  images: Counter<'outcome' | 'code'>;
  imageDuration: Histogram<'outcome'>;
  stageDuration: Histogram<'stage'>;
  queueSize: Gauge;
}

/** Creates the metrics, including Node process metrics. */
export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latencyBuckets = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30];
  return {
    registry,
    // the CMS's names, so one dashboard and one set of alert rules cover both
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route, method and status code',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to its answer, by route, method and status code',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: 'ocr_requests_in_flight',
      help: 'OCR requests admitted and not yet answered',
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'ocr_requests_rejected_total',
      help: 'OCR requests refused before processing, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    images: new Counter({
      name: 'ocr_images_total',
      help: 'Images processed, by outcome (ok|error) and error code',
      labelNames: ['outcome', 'code'],
      registers: [registry],
    }),
    imageDuration: new Histogram({
      name: 'ocr_image_duration_seconds',
      help: 'Time to process one image, decode to decoded text',
      labelNames: ['outcome'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    stageDuration: new Histogram({
      name: 'ocr_stage_duration_seconds',
      help: 'Time per pipeline stage per image',
      labelNames: ['stage'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    queueSize: new Gauge({
      name: 'ocr_queue_admitted',
      help: 'Requests currently admitted to the work queue',
      registers: [registry],
    }),
  };
}
