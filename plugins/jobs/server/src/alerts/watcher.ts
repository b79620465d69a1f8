import type { AlertsSettings } from './alerts-file';
import type { createDispatcher } from './dispatcher';
import { errorRateWindow, ocrReady, tcpReachable } from './probes';

export interface WatchedSources {
  /** Jobs waiting to start, per queue. */
  queueDepths(): Promise<Map<string, number>>;
  /** Requests answered by this process so far, and how many were 5xx. */
  requestTotals(): { total: number; errors: number };
}

type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * Checks the conditions of the alerts file every `checkIntervalSeconds`: a service down for
 * longer than its `forSeconds` fires, its return clears it; a backlog or 5xx share over its
 * threshold fires while it lasts.
 */
export function createWatcher(settings: AlertsSettings, dispatcher: Dispatcher, sources: WatchedSources, warn: (message: string) => void) {
  const { conditions } = settings;
  const downSince = new Map<string, number>();
  const rate = errorRateWindow(conditions.http5xxRate.windowSeconds * 1000);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function outage(key: string, what: string, up: boolean, forSeconds: number, where: string) {
    if (up) {
      downSince.delete(key);
      await dispatcher.clear(key, key, `${what} answers again (${where})`);
      return;
    }
    const since = downSince.get(key) ?? Date.now();
    downSince.set(key, since);
    const seconds = Math.round((Date.now() - since) / 1000);
    if (Date.now() - since >= forSeconds * 1000) {
      await dispatcher.fire(key, key, `${what} unreachable 不可用`, `${what} has not answered for ${seconds} s (${where})`);
    }
  }

  async function checkOnce() {
    const checks: Promise<void>[] = [];
    if (conditions.ocrNotReady.enabled) {
      const c = conditions.ocrNotReady;
      checks.push(ocrReady(c.url).then((up) => outage('ocrNotReady', 'OCR service', up, c.forSeconds, c.url)));
    }
    if (conditions.postgres.enabled) {
      const c = conditions.postgres;
      checks.push(tcpReachable(c.url, 5432).then((up) => outage('postgres', 'PostgreSQL', up, c.forSeconds, new URL(c.url).host)));
    }
    if (conditions.redis.enabled) {
      const c = conditions.redis;
      checks.push(tcpReachable(c.url, 6379).then((up) => outage('redis', 'Redis', up, c.forSeconds, new URL(c.url).host)));
    }
    if (conditions.queueBacklog.enabled) {
      const { threshold } = conditions.queueBacklog;
      checks.push(
        sources.queueDepths().then(async (depths) => {
          for (const [queue, depth] of depths) {
            const key = `queueBacklog:${queue}`;
            if (depth > threshold) await dispatcher.fire(key, 'queueBacklog', `Queue ${queue} backlog 队列积压`, `${depth} jobs waiting in queue ${queue} (threshold ${threshold})`);
            else await dispatcher.clear(key, 'queueBacklog', `${depth} jobs waiting in queue ${queue}`);
          }
        }),
      );
    }
    if (conditions.http5xxRate.enabled) {
      const c = conditions.http5xxRate;
      const totals = sources.requestTotals();
      const { requests, errors } = rate(Date.now(), totals.total, totals.errors);
      const share = requests ? errors / requests : 0;
      const detail = `${errors} of ${requests} requests answered 5xx in the last ${c.windowSeconds} s (${(share * 100).toFixed(1)} %, threshold ${(c.threshold * 100).toFixed(1)} %)`;
      if (requests >= c.minRequests && share > c.threshold) checks.push(dispatcher.fire('http5xxRate', 'http5xxRate', 'HTTP 5xx rate high 错误率过高', detail));
      else if (share <= c.threshold) checks.push(dispatcher.clear('http5xxRate', 'http5xxRate', detail));
    }
    const results = await Promise.allSettled(checks);
    for (const r of results) if (r.status === 'rejected') warn(`alerts: a check failed: ${(r.reason as Error).message}`);
  }

  return {
    start() {
      const tick = () => {
        running = checkOnce().finally(() => {
          running = undefined;
          if (timer) timer = setTimeout(tick, settings.checkIntervalSeconds * 1000);
        });
      };
      timer = setTimeout(tick, settings.checkIntervalSeconds * 1000);
    },
    async stop() {
      const t = timer;
      timer = undefined;
      if (t) clearTimeout(t);
      await running;
    },
    checkOnce,
  };
}
