import path from 'node:path';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      register: { allowedFields: [] },
      ratelimit: { enabled: env.bool('AUTH_RATELIMIT', true) },
    },
  },
  ticketing: {
    config: {
      // compiled to cms/dist/config: the repo's config/ folder is three levels up
      configDir: env('TICKETING_CONFIG_DIR', path.resolve(__dirname, '..', '..', '..', 'config')),
      timeZone: env('APP_TIMEZONE', 'Asia/Shanghai'),
    },
  },
});
