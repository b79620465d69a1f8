import Redis, { Cluster } from 'ioredis';
import { openRedis } from './redis-connection';
import { SentinelClient } from './sentinel-client';

// lazyConnect everywhere: these look at the options only, nothing connects
describe('openRedis', () => {
  it('opens one server at the URL with the caller’s needs', () => {
    const client = openRedis({ maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true }, { mode: 'single', url: 'redis://cache:6390/2' });
    expect(client).toBeInstanceOf(Redis);
    expect((client as Redis).options).toMatchObject({ host: 'cache', port: 6390, db: 2, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  });

  it('on a cluster fails fast at the cluster and keeps the nodes’ own queues for their lazy first connect', () => {
    const client = openRedis(
      { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: true },
      { mode: 'cluster', nodes: [{ host: 'r1', port: 7000 }], password: 'p' },
    );
    expect(client).toBeInstanceOf(Cluster);
    const { options } = client as Cluster;
    expect(options).toMatchObject({ enableOfflineQueue: false, lazyConnect: true, redisOptions: { maxRetriesPerRequest: null, password: 'p' } });
    expect(options.redisOptions).not.toHaveProperty('enableOfflineQueue');
  });

  it('behind sentinels watches for failovers, and so does every duplicate', () => {
    const client = openRedis(
      { maxRetriesPerRequest: null, lazyConnect: true },
      { mode: 'sentinel', sentinels: [{ host: 's1', port: 26379 }], name: 'tickets', sentinelPassword: 'sp' },
    );
    expect(client).toBeInstanceOf(SentinelClient);
    expect((client as Redis).options).toMatchObject({ name: 'tickets', sentinels: [{ host: 's1', port: 26379 }], sentinelPassword: 'sp', failoverDetector: true, maxRetriesPerRequest: null });
    const copy = (client as Redis).duplicate();
    expect(copy).toBeInstanceOf(SentinelClient);
    expect(copy.options).toMatchObject({ name: 'tickets', failoverDetector: true });
  });
});
