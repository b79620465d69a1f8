import Redis, { Cluster } from 'ioredis';
import { redisSettingsFromEnv, type RedisSettings } from './redis-settings';
import { SentinelClient } from './sentinel-client';

/** A connection to this deployment's Redis, one server or a cluster: the same commands either way. */
export type RedisClient = Redis | Cluster;

/** What a caller needs of its connection; the factory puts each where ioredis reads it. */
export interface ConnectionNeeds {
  /** Tries per command before it fails: `null` waits for Redis however long (BullMQ workers). */
  maxRetriesPerRequest: number | null;
  /** false: a command sent while disconnected fails at once instead of waiting (probes, auth). */
  enableOfflineQueue?: boolean;
  /** true: no connection until `connect()` or the first command. */
  lazyConnect?: boolean;
}

/**
 * Opens a connection with `needs` to the Redis of `settings` (default: this process's env).
 * Every Redis connection of the platform is made here, so a cluster is one setting away.
 */
export function openRedis(needs: ConnectionNeeds, settings: RedisSettings = redisSettingsFromEnv()): RedisClient {
  if (settings.mode === 'single') return new Redis(settings.url, needs);
  if (settings.mode === 'sentinel') {
    const { sentinels, name, sentinelPassword, username, password } = settings;
    return new SentinelClient({ sentinels, name, sentinelPassword, username, password, ...needs });
  }
  return new Cluster(settings.nodes, {
    enableOfflineQueue: needs.enableOfflineQueue ?? true,
    lazyConnect: needs.lazyConnect ?? false,
    // the per-node connections keep their offline queue: they connect lazily, on their first
    // command, and would otherwise refuse it; failing fast is the cluster's own offline queue
    redisOptions: {
      maxRetriesPerRequest: needs.maxRetriesPerRequest,
      ...(settings.username ? { username: settings.username } : {}),
      ...(settings.password ? { password: settings.password } : {}),
    },
  });
}

