import { openRedis, type RedisClient } from 'strapi-plugin-access';

let client: RedisClient | undefined;
let connecting: Promise<void> | undefined;

/** The process's Redis connection (REDIS_URL or REDIS_CLUSTER_NODES, docs/redis.md), opened on first use. */
export function redis(): RedisClient {
  client ??= openRedis({
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    // a probe must fail fast instead of queueing while Redis is away
    enableOfflineQueue: false,
  });
  return client;
}

/**
 * The shared client, connected. Without an offline queue a command sent before the first
 * connect fails, so callers that are not probes await this; concurrent first callers share
 * one connect. A lost connection later reconnects on its own and commands fail fast meanwhile.
 */
export async function connectedRedis(): Promise<RedisClient> {
  const c = redis();
  if (c.status === 'wait') {
    connecting ??= c.connect().finally(() => {
      connecting = undefined;
    });
  } else if (c.status === 'connecting' && !connecting) {
    // a connect someone else started (ioredis's own reconnect): wait for it, briefly
    connecting = new Promise<void>((resolve, reject) => {
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        c.off('ready', ready);
        reject(new Error('Redis is not reachable'));
      }, 2000);
      c.once('ready', ready);
    }).finally(() => {
      connecting = undefined;
    });
  }
  if (connecting) await connecting;
  return c;
}

/** A key in this deployment's namespace (REDIS_PREFIX, default `ticketing:`). */
export function redisKey(...parts: string[]): string {
  return `${process.env.REDIS_PREFIX ?? 'ticketing:'}${parts.join(':')}`;
}

/** Closes the shared client (the app's destroy); the next use opens a new one. */
export async function closeRedis(): Promise<void> {
  if (!client) return;
  const closing = client;
  client = undefined;
  connecting = undefined;
  await closing.quit().catch(() => closing.disconnect());
}
