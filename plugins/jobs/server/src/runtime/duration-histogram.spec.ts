import { DURATION_BUCKETS, histogramLines } from './duration-histogram';

describe('histogramLines', () => {
  it('prints cumulative buckets, +Inf, sum and count per outcome', () => {
    // two succeeded jobs of 0.3 s and 4 s; one failed of 0.05 s
    const hash: Record<string, string> = { 'succeeded|+Inf': '2', 'succeeded|sum': '4.3', 'failed|+Inf': '1', 'failed|sum': '0.05' };
    for (const le of DURATION_BUCKETS) {
      if (le >= 0.5) hash[`succeeded|${le}`] = le >= 5 ? '2' : '1';
      hash[`failed|${le}`] = '1';
    }
    const lines = histogramLines('jobs_duration_seconds', 'ocr', hash);
    const value = (outcome: string, le: string | number) =>
      lines.find((l) => l.labels.outcome === outcome && l.labels.le === le && l.metricName.endsWith('_bucket'))?.value;
    expect(value('succeeded', 0.1)).toBe(0);
    expect(value('succeeded', 0.5)).toBe(1);
    expect(value('succeeded', 5)).toBe(2);
    expect(value('succeeded', '+Inf')).toBe(2);
    expect(value('failed', 0.1)).toBe(1);
    expect(lines).toContainEqual({ metricName: 'jobs_duration_seconds_sum', labels: { queue: 'ocr', outcome: 'succeeded' }, value: 4.3 });
    expect(lines).toContainEqual({ metricName: 'jobs_duration_seconds_count', labels: { queue: 'ocr', outcome: 'failed' }, value: 1 });
    expect(lines).toHaveLength(2 * (DURATION_BUCKETS.length + 3));
  });

  it('prints nothing for a queue without finished jobs', () => {
    expect(histogramLines('jobs_duration_seconds', 'ocr', {})).toEqual([]);
  });
});
