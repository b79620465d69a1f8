import path from 'node:path';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: {
        accessTokenLifespan: env.int('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
        idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_IDLE_TTL_SECONDS', 14 * 24 * 3600),
        maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_MAX_TTL_SECONDS', 30 * 24 * 3600),
        idleSessionLifespan: env.int('SESSION_IDLE_TTL_SECONDS', 2 * 3600),
        maxSessionLifespan: env.int('SESSION_MAX_TTL_SECONDS', 24 * 3600),
      },
      register: { allowedFields: [] },
      // one limiter for every process lives in Redis (global::auth-rate-limit)
      ratelimit: { enabled: false },
    },
  },
  ticketing: {
    config: {
      // compiled to cms/dist/config: the repo's config/ folder is three levels up
      configDir: env('TICKETING_CONFIG_DIR', path.resolve(__dirname, '..', '..', '..', 'config')),
      timeZone: env('APP_TIMEZONE', 'Asia/Shanghai'),
      countLimit: env.int('TICKETS_COUNT_LIMIT', 1000),
    },
  },
});
