import Redis from 'ioredis';

let client: Redis | undefined;

/** The process's Redis connection (REDIS_URL), opened on first use. */
export function redis(): Redis {
  client ??= new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    // a probe must fail fast instead of queueing while Redis is away
    enableOfflineQueue: false,
  });
  return client;
}

export async function closeRedis(): Promise<void> {
  if (!client) return;
  const closing = client;
  client = undefined;
  await closing.quit().catch(() => closing.disconnect());
}
