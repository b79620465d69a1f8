import { parseNodes, redisSettingsFromEnv } from './redis-settings';

describe('redisSettingsFromEnv', () => {
  it('is one server at REDIS_URL, or 127.0.0.1:6379 without it', () => {
    expect(redisSettingsFromEnv({ REDIS_URL: 'redis://cache:6380/2' })).toEqual({ mode: 'single', url: 'redis://cache:6380/2' });
    expect(redisSettingsFromEnv({})).toEqual({ mode: 'single', url: 'redis://127.0.0.1:6379' });
    expect(redisSettingsFromEnv({ REDIS_URL: '' })).toEqual({ mode: 'single', url: 'redis://127.0.0.1:6379' });
  });

  it('takes the URL a plugin config carries over REDIS_URL', () => {
    expect(redisSettingsFromEnv({ REDIS_URL: 'redis://a:1' }, 'redis://b:2')).toEqual({ mode: 'single', url: 'redis://b:2' });
  });

  it('is a cluster when REDIS_CLUSTER_NODES is set, whatever REDIS_URL says', () => {
    expect(redisSettingsFromEnv({ REDIS_CLUSTER_NODES: 'r1:7000, r2:7001', REDIS_URL: 'redis://x:1', REDIS_PASSWORD: 's3cret' }, 'redis://y:2')).toEqual({
      mode: 'cluster',
      nodes: [
        { host: 'r1', port: 7000 },
        { host: 'r2', port: 7001 },
      ],
      password: 's3cret',
    });
    expect(redisSettingsFromEnv({ REDIS_CLUSTER_NODES: '10.0.0.5:6379', REDIS_USERNAME: 'app' })).toEqual({
      mode: 'cluster',
      nodes: [{ host: '10.0.0.5', port: 6379 }],
      username: 'app',
    });
  });
});

describe('sentinels', () => {
  it('are used when REDIS_SENTINELS and REDIS_SENTINEL_NAME are set (a cluster still wins)', () => {
    const env = { REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'tickets', REDIS_SENTINEL_PASSWORD: 'x', REDIS_PASSWORD: 'y', REDIS_URL: 'redis://z:1' };
    expect(redisSettingsFromEnv(env)).toEqual({
      mode: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'tickets',
      sentinelPassword: 'x',
      password: 'y',
    });
    expect(redisSettingsFromEnv({ ...env, REDIS_CLUSTER_NODES: 'r1:7000' }).mode).toBe('cluster');
  });

  it('need the name the primary is monitored under', () => {
    expect(() => redisSettingsFromEnv({ REDIS_SENTINELS: 's1:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
  });

  it('name a bad entry with their own variable', () => {
    expect(() => redisSettingsFromEnv({ REDIS_SENTINELS: 's1', REDIS_SENTINEL_NAME: 'n' })).toThrow('REDIS_SENTINELS: "s1" is not host:port');
  });
});

describe('parseNodes', () => {
  it('reads IPv6 hosts in brackets', () => {
    expect(parseNodes('REDIS_CLUSTER_NODES', '[::1]:7000')).toEqual([{ host: '::1', port: 7000 }]);
  });

  it.each(['r1', 'r1:', ':7000', 'r1:0', 'r1:70000', 'r1:7000,', 'r1 r2:7000', 'redis://r1:7000'])('refuses "%s", naming the variable', (value) => {
    expect(() => parseNodes('REDIS_CLUSTER_NODES', value)).toThrow(/^REDIS_CLUSTER_NODES: ".*" is not host:port$/);
  });
});
