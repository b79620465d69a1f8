import type { Core } from '@strapi/strapi';

/** The parts of an ioredis client used here (the jobs plugin's shared connection). */
interface RedisConnection {
  publish(channel: string, message: string): Promise<number>;
  duplicate(): RedisConnection;
  subscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'ready' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
}

interface JobsQueues {
  client(): RedisConnection;
  key(...parts: string[]): string;
}

/**
 * Tells every CMS process that something named `topic` changed (a ticket type, auth data),
 * over Redis pub/sub on the jobs plugin's connection (channel `<REDIS_PREFIX>jobs:_:<topic>`).
 * While the subscription is down — no Redis, no jobs plugin — `liveSince()` is null and caches
 * fall back to their short TTL; after a reconnect they drop everything, since changes may have
 * been published meanwhile.
 */
export function invalidationBus(strapi: Core.Strapi, topic: string, onChange: (key: string) => void, onReconnect: () => void) {
  let subscriber: RedisConnection | null = null;
  let since: number | null = null;
  const jobs = () => (strapi.plugin('jobs') ? (strapi.plugin('jobs').service('queues') as unknown as JobsQueues) : null);
  const channel = () => jobs()?.key(topic) ?? '';

  // since when this process has heard every change (null: it may not have)
  const freshness = { liveSince: (): number | null => since };

  return {
    freshness,

    /** Subscribes; never fails start-up (without Redis the TTL applies until it answers). */
    start() {
      const queues = jobs();
      if (!queues || subscriber) return;
      const name = channel();
      const s = queues.client().duplicate();
      subscriber = s;
      s.on('message', (from, key) => {
        if (from === name) onChange(key);
      });
      let subscribed = false;
      const live = () => {
        onReconnect();
        since = Date.now();
      };
      const trySubscribe = () =>
        s.subscribe(name).then(
          () => {
            subscribed = true;
            live();
          },
          (error: Error) => strapi.log.warn(`${topic} channel: ${error.message}`),
        );
      // ioredis subscribes again by itself after a reconnect, before 'ready'; a first
      // subscription that failed (Redis down at start) is tried again here
      s.on('ready', () => {
        if (subscribed) live();
        else void trySubscribe();
      });
      s.on('close', () => {
        since = null;
      });
      s.on('error', (error) => strapi.log.debug(`${topic} channel: ${error.message}`));
      void trySubscribe();
    },

    /** Tells every process (this one included) that `key` changed; a Redis failure leaves the others to their TTL. */
    async publish(key: string) {
      const queues = jobs();
      if (!queues) return;
      try {
        await queues.client().publish(channel(), key);
      } catch (error) {
        strapi.log.warn(`could not announce ${topic} "${key}": ${(error as Error).message}`);
      }
    },

    async stop() {
      since = null;
      const s = subscriber;
      subscriber = null;
      if (s) await s.quit().catch(() => s.disconnect());
    },
  };
}
