import Redis from 'ioredis';

/** A client of its own for tests: the app's shared client is closed by the app's destroy(). */
export async function withTestRedis<T>(work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.quit();
  }
}

/** The keys under `pattern` (SCAN, so a busy Redis is not blocked). */
export async function redisKeys(pattern: string): Promise<string[]> {
  return withTestRedis(async (client) => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  });
}

/** Deletes every key under `prefix` — a test run's namespace (REDIS_PREFIX). */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const keys = await redisKeys(`${prefix}*`);
  if (keys.length === 0) return 0;
  return withTestRedis((client) => client.del(...keys));
}
