import type { Core } from '@strapi/strapi';
import type { RedisSettings } from 'strapi-plugin-access';
import type { JobsConfig } from '../config';
import { readAlertsFile, type AlertsSettings } from '../alerts/alerts-file';
import { createDispatcher, postJson } from '../alerts/dispatcher';
import { createWatcher } from '../alerts/watcher';
import { DEPTH_STATES } from './metrics';
import { getService } from '../utils/get-service';

/** The Redis the `redis` condition probes by default: the server, a cluster's first node, or the first sentinel. */
function redisProbeUrl(redis: RedisSettings): string {
  if (redis.mode === 'single') return redis.url;
  const { host, port } = redis.mode === 'cluster' ? redis.nodes[0] : redis.sentinels[0];
  return `redis://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Alerts to the ops team's chat (config/alerts.yaml; docs in the plugin README): each process
 * watches the conditions and announces the jobs that failed for good on it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let settings: AlertsSettings | null = null;
  let dispatcher: ReturnType<typeof createDispatcher> | undefined;
  let watcher: ReturnType<typeof createWatcher> | undefined;
  const warn = (message: string) => strapi.log.warn(message);

  async function queueDepths() {
    const queues = getService(strapi, 'queues');
    const names = queues.definitions().map((d) => d.name);
    const counts = await Promise.all(names.map((name) => queues.queue(name).getJobCounts()));
    return new Map(names.map((name, i) => [name, DEPTH_STATES.reduce((sum, s) => sum + (counts[i][s] ?? 0), 0)]));
  }

  return {
    /** Reads the alerts file (a bad one stops start-up) and starts watching; no file or no receiver URL set: off. */
    start() {
      const cfg = strapi.config.get('plugin::jobs') as JobsConfig;
      settings = readAlertsFile(cfg.alertsFile, { ocrUrl: cfg.ocrUrl, databaseUrl: cfg.databaseUrl, redisUrl: redisProbeUrl(getService(strapi, 'queues').redisSettings()) });
      if (!settings) return;
      dispatcher = createDispatcher(settings, postJson, warn);
      watcher = createWatcher(settings, dispatcher, { queueDepths, requestTotals: () => getService(strapi, 'metrics').requestTotals() }, warn);
      watcher.start();
      strapi.log.info(`jobs: alerts to ${settings.receivers.map((r) => r.name).join(', ')}`);
    },

    /** A job failed for good (no attempt left, or unrecoverable). */
    async jobFailed(queue: string, id: string, message: string) {
      if (!dispatcher || !settings?.conditions.jobFailed.enabled) return;
      await dispatcher.event(`jobFailed:${queue}:${id}`, 'jobFailed', `Job failed 任务失败: ${queue}`, `Job ${id} of queue ${queue} failed for good: ${message}`);
    },

    /** One round of checks now (tests; the timer does the same). */
    async checkNow() {
      await watcher?.checkOnce();
    },

    async stop() {
      await watcher?.stop();
      watcher = undefined;
      dispatcher = undefined;
    },
  };
};
