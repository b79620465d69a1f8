import type { RedisClient } from 'strapi-plugin-access';

/** Upper bounds (seconds) of the job duration buckets: OCR takes seconds, imports minutes. */
export const DURATION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/** One line of a histogram, in the shape prom-client prints. */
export interface HistogramLine {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * Adds one duration to the queue's histogram in Redis (a hash per queue), so the CMS's
 * /metrics shows durations from every worker process, not only its own. Buckets are
 * stored cumulative, as Prometheus reads them.
 */
export async function recordDuration(client: RedisClient, key: string, outcome: string, seconds: number): Promise<void> {
  const multi = client.multi();
  for (const le of DURATION_BUCKETS) if (seconds <= le) multi.hincrby(key, `${outcome}|${le}`, 1);
  multi.hincrby(key, `${outcome}|+Inf`, 1);
  multi.hincrbyfloat(key, `${outcome}|sum`, seconds);
  await multi.exec();
}

/** The bucket, sum and count lines of one queue's stored histogram, per outcome. */
export function histogramLines(name: string, queue: string, hash: Record<string, string>): HistogramLine[] {
  const outcomes = [...new Set(Object.keys(hash).map((field) => field.split('|')[0]))].sort();
  const lines: HistogramLine[] = [];
  for (const outcome of outcomes) {
    const read = (field: string) => Number(hash[`${outcome}|${field}`] ?? 0);
    for (const le of DURATION_BUCKETS) lines.push({ metricName: `${name}_bucket`, labels: { queue, outcome, le }, value: read(String(le)) });
    lines.push({ metricName: `${name}_bucket`, labels: { queue, outcome, le: '+Inf' }, value: read('+Inf') });
    lines.push({ metricName: `${name}_sum`, labels: { queue, outcome }, value: read('sum') });
    lines.push({ metricName: `${name}_count`, labels: { queue, outcome }, value: read('+Inf') });
  }
  return lines;
}
