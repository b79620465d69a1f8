import Redis, { type RedisOptions } from 'ioredis';

/**
 * A client of the primary the sentinels name, that follows a failover as soon as they announce
 * it (ioredis's failoverDetector: without it the clients stay on the old primary until it is
 * demoted, and what they write meanwhile is lost). ioredis leaves the detector's sentinel
 * connections open after quit(), which keeps the process alive; this client closes them when
 * it ends — and so does each duplicate (BullMQ's blocking connections are duplicates).
 */
export class SentinelClient extends Redis {
  constructor(options: RedisOptions) {
    super({ ...options, failoverDetector: true });
    this.once('end', () => this.disconnect());
  }

  override duplicate(override?: Partial<RedisOptions>): SentinelClient {
    return new SentinelClient({ ...this.options, ...override });
  }
}
