/** A node of a Redis Cluster to start from; the cluster tells the client about the others. */
export interface RedisNode {
  host: string;
  port: number;
}

/** Where this deployment's Redis is: one server (or a managed primary) by URL, or a cluster. */
export type RedisSettings =
  | { mode: 'single'; url: string }
  | { mode: 'cluster'; nodes: RedisNode[]; username?: string; password?: string };

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

function parseNode(entry: string): RedisNode {
  const match = /^(?:\[([^\]]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(entry);
  const port = match ? Number(match[3]) : 0;
  if (!match || port < 1 || port > 65535) throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port`);
  return { host: match[1] ?? match[2], port };
}

/** `host:port,host:port` (spaces allowed) → nodes; an empty entry or a bad port names itself. */
export function parseClusterNodes(value: string): RedisNode[] {
  return value.split(',').map((entry) => parseNode(entry.trim()));
}

/**
 * The Redis settings in `env`: REDIS_CLUSTER_NODES (seed nodes of a cluster, with
 * REDIS_USERNAME / REDIS_PASSWORD when it needs them) wins over REDIS_URL (one server).
 * `url` stands in for REDIS_URL where a plugin's config carries it.
 */
export function redisSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, url?: string): RedisSettings {
  const nodes = env.REDIS_CLUSTER_NODES?.trim();
  if (nodes) {
    return {
      mode: 'cluster',
      nodes: parseClusterNodes(nodes),
      ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
      ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
    };
  }
  return { mode: 'single', url: url ?? (env.REDIS_URL || DEFAULT_REDIS_URL) };
}
