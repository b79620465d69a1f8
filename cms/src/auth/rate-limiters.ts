import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClient } from 'strapi-plugin-access';
import { redisKey } from '../redis';
import type { AuthLimits, LimitRule } from './settings';

/** One limiter per rule of AuthLimits. */
export type AuthLimiters = Record<keyof AuthLimits, RateLimiterRedis>;

function limiter(client: RedisClient, name: string, rule: LimitRule): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: client,
    keyPrefix: redisKey('auth', 'rl', name),
    points: rule.points,
    duration: rule.windowSeconds,
    // while Redis is away each process limits on its own rather than not at all
    insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.windowSeconds }),
  });
}

/** The auth limiters on `client`; their counters live in Redis, shared by every process. */
export function createAuthLimiters(client: RedisClient, limits: AuthLimits): AuthLimiters {
  return {
    ip: limiter(client, 'ip', limits.ip),
    loginFailures: limiter(client, 'login-failures', limits.loginFailures),
    refresh: limiter(client, 'refresh', limits.refresh),
    forgotPassword: limiter(client, 'forgot-password', limits.forgotPassword),
  };
}

/** Spends one point of `key`; the limiter's answer when the limit is exceeded, else undefined. */
export async function spend(limiter: RateLimiterRedis, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
