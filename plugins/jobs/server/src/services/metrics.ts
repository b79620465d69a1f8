import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import type { Core } from '@strapi/strapi';
import { histogramLines, type HistogramLine } from '../runtime/duration-histogram';
import { getService } from '../utils/get-service';

type Counts = Record<string, number>;

// jobs not yet started: what "queue depth" means here
export const DEPTH_STATES = ['waiting', 'prioritized', 'delayed', 'paused', 'waiting-children'];

/**
 * A histogram whose values live in Redis (written by every worker process). prom-client's
 * types admit only its own classes, but its registry needs nothing more than this shape.
 */
class StoredHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => HistogramLine[],
  ) {}

  async get() {
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values: this.read() };
  }
}

// request durations from a cached read (ms) to a slow export start (s)
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of the CMS process: HTTP requests per route and status, queue depth, jobs
 * per state, job durations, process metrics (event-loop lag, memory, CPU from prom-client's defaults).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // read once per scrape, before the registry renders
  let counts = new Map<string, Counts>();
  let durations = new Map<string, Record<string, string>>();
  const queues = () => getService(strapi, 'queues');

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, per route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to its answer, per route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  addJobMetrics(registry);
  // cumulative, for the 5xx-rate alert (the counter's own values are per label set)
  const totals = { total: 0, errors: 0 };

  function addJobMetrics(r: Registry) {
    new Gauge({
      name: 'jobs_queue_depth',
      help: 'Jobs waiting to start (waiting, prioritized, delayed, paused), per queue',
      labelNames: ['queue'],
      registers: [r],
      collect() {
        this.reset();
        for (const [queue, c] of counts) this.set({ queue }, DEPTH_STATES.reduce((sum, s) => sum + (c[s] ?? 0), 0));
      },
    });
    new Gauge({
      name: 'jobs_queue_jobs',
      help: 'BullMQ jobs per queue and state (finished jobs as far as Redis keeps them)',
      labelNames: ['queue', 'state'],
      registers: [r],
      collect() {
        this.reset();
        for (const [queue, c] of counts) for (const [state, n] of Object.entries(c)) this.set({ queue, state }, n);
      },
    });
    const histogram = new StoredHistogram('jobs_duration_seconds', 'Time a job attempt ran until the job finished, per queue and outcome', () =>
      [...durations].flatMap(([queue, hash]) => histogramLines('jobs_duration_seconds', queue, hash)),
    );
    r.registerMetric(histogram as unknown as Metric);
  }

  return {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,

    /** Counts one answered request; `route` is the route pattern, never the raw path (bounded labels). */
    observeRequest(route: string, method: string, status: number, seconds: number) {
      const labels = { route, method, status: String(status) };
      httpRequests.inc(labels);
      totals.total += 1;
      if (status >= 500) totals.errors += 1;
      httpDuration.observe(labels, seconds);
    },

    /** Requests answered by this process so far, and how many of them were 5xx. */
    requestTotals() {
      return { ...totals };
    },

    /** The metrics in Prometheus text format. */
    async render(): Promise<string> {
      const names = queues()
        .definitions()
        .map((d) => d.name);
      const client = queues().client();
      const [countList, hashList] = await Promise.all([
        Promise.all(names.map((name) => queues().queue(name).getJobCounts())),
        Promise.all(names.map((name) => client.hgetall(queues().key('durations', name)))),
      ]);
      counts = new Map(names.map((name, i) => [name, countList[i] as Counts]));
      durations = new Map(names.map((name, i) => [name, hashList[i]]));
      return registry.metrics();
    },
  };
};
