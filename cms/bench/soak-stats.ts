/** One answered request of the soak. */
export interface Answer {
  at: number;
  op: string;
  status: number;
  ms: number;
  json: boolean;
}

/** One RSS reading of one process, in MB. */
export interface RssSample {
  at: number;
  name: string;
  mb: number;
}

export const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per minute from `from` to `to`: requests, p50/p95 and the 5xx among them. */
export function perMinute(answers: Answer[], from: number, to: number) {
  const minutes = new Map<number, Answer[]>();
  for (const a of answers) {
    if (a.at < from || a.at >= to) continue;
    const m = Math.floor((a.at - from) / 60_000);
    const list = minutes.get(m);
    if (list) list.push(a);
    else minutes.set(m, [a]);
  }
  return [...minutes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([minute, list]) => ({
      minute: minute + 1,
      requests: list.length,
      p50: quantile(list.map((a) => a.ms), 0.5),
      p95: quantile(list.map((a) => a.ms), 0.95),
      errors5xx: list.filter((a) => a.status >= 500).length,
    }));
}

/** Per operation: count, statuses, p95. */
export function perOperation(answers: Answer[]) {
  const ops = new Map<string, Answer[]>();
  for (const a of answers) {
    const list = ops.get(a.op);
    if (list) list.push(a);
    else ops.set(a.op, [a]);
  }
  return [...ops.entries()].map(([op, list]) => ({
    op,
    requests: list.length,
    statuses: [...new Set(list.map((a) => a.status))].sort().join(' '),
    p95: quantile(list.map((a) => a.ms), 0.95),
  }));
}

/**
 * Each process's RSS over the measured part: the mean of its first and of its last minute, and
 * the growth between them (what "flat after warm-up" is judged on), with the peak.
 */
export function rssGrowth(samples: RssSample[], from: number, to: number) {
  const names = [...new Set(samples.map((s) => s.name))];
  return names.map((name) => {
    const own = samples.filter((s) => s.name === name && s.at >= from && s.at <= to);
    const first = mean(own.filter((s) => s.at < from + 60_000).map((s) => s.mb));
    const last = mean(own.filter((s) => s.at > to - 60_000).map((s) => s.mb));
    return { name, first, last, peak: Math.max(...own.map((s) => s.mb)), growth: (last - first) / first };
  });
}
