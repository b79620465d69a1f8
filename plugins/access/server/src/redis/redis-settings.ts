/** A Redis node to start from (of a cluster, or a sentinel); it tells the client about the others. */
export interface RedisNode {
  host: string;
  port: number;
}

interface Credentials {
  username?: string;
  password?: string;
}

/**
 * Where this deployment's Redis is: one server (or a managed primary) by URL, a cluster by
 * some of its nodes, or the primary that sentinels elect under a name.
 */
export type RedisSettings =
  | { mode: 'single'; url: string }
  | ({ mode: 'cluster'; nodes: RedisNode[] } & Credentials)
  | ({ mode: 'sentinel'; sentinels: RedisNode[]; name: string; sentinelPassword?: string } & Credentials);

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

function parseNode(variable: string, entry: string): RedisNode {
  const match = /^(?:\[([^\]]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(entry);
  const port = match ? Number(match[3]) : 0;
  if (!match || port < 1 || port > 65535) throw new Error(`${variable}: "${entry}" is not host:port`);
  return { host: match[1] ?? match[2], port };
}

/** `host:port,host:port` (spaces allowed) of env `variable` → nodes; a bad entry is named in the error. */
export function parseNodes(variable: string, value: string): RedisNode[] {
  return value.split(',').map((entry) => parseNode(variable, entry.trim()));
}

const credentials = (env: NodeJS.ProcessEnv): Credentials => ({
  ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
  ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
});

/**
 * The Redis settings in `env`: REDIS_CLUSTER_NODES (a cluster), else REDIS_SENTINELS with
 * REDIS_SENTINEL_NAME (sentinels), else REDIS_URL (one server); REDIS_USERNAME / REDIS_PASSWORD
 * for the nodes of the first two. `url` stands in for REDIS_URL where a plugin's config carries it.
 */
export function redisSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, url?: string): RedisSettings {
  const nodes = env.REDIS_CLUSTER_NODES?.trim();
  if (nodes) return { mode: 'cluster', nodes: parseNodes('REDIS_CLUSTER_NODES', nodes), ...credentials(env) };
  const sentinels = env.REDIS_SENTINELS?.trim();
  if (sentinels) {
    const name = env.REDIS_SENTINEL_NAME?.trim();
    if (!name) throw new Error('REDIS_SENTINELS is set without REDIS_SENTINEL_NAME, the name the sentinels monitor the primary under');
    return {
      mode: 'sentinel',
      sentinels: parseNodes('REDIS_SENTINELS', sentinels),
      name,
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      ...credentials(env),
    };
  }
  return { mode: 'single', url: url ?? (env.REDIS_URL || DEFAULT_REDIS_URL) };
}
