import type { Core } from '@strapi/strapi';
import { cacheApiTokenLookups } from './auth/api-token-cache';
import { closeRedis } from './redis';
import { ensureBucket } from './storage/ensure-bucket';
import { authReadFailuresAreErrors } from './faults/auth-read-failures';
import { drainHttpBeforeDestroy } from './faults/graceful-http';

let apiTokenCache: ReturnType<typeof cacheApiTokenLookups> | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    authReadFailuresAreErrors(strapi);
    drainHttpBeforeDestroy(strapi);
  },

  /** Runs after every plugin's bootstrap, so the Users & Permissions roles exist to be synced with config/roles.yaml. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('access').service('role-sync').apply();
    await ensureBucket(strapi);
    apiTokenCache = cacheApiTokenLookups(strapi);
    apiTokenCache.start();
    // last: a job may need any plugin, so workers (WORKERS=inline) start once all are ready
    await strapi.plugin('jobs').service('workers').start();
  },

  async destroy() {
    await apiTokenCache?.stop();
    await closeRedis();
  },
};
