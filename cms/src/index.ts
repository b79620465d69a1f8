import type { Core } from '@strapi/strapi';
import { cacheAuthReads } from './auth/auth-read-cache';
import { closeRedis } from './redis';
import { ensureBucket } from './storage/ensure-bucket';
import { authReadFailuresAreErrors } from './faults/auth-read-failures';
import { drainHttpBeforeDestroy } from './faults/graceful-http';

let authReads: ReturnType<typeof cacheAuthReads> | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    authReadFailuresAreErrors(strapi);
    drainHttpBeforeDestroy(strapi);
  },

  /** Runs after every plugin's bootstrap, so the Users & Permissions roles exist to be synced with config/roles.yaml. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('access').service('role-sync').apply();
    await ensureBucket(strapi);
    authReads = cacheAuthReads(strapi);
    authReads.start();
    // last: a job may need any plugin, so workers (WORKERS=inline) start once all are ready
    await strapi.plugin('jobs').service('workers').start();
  },

  async destroy() {
    await authReads?.stop();
    await closeRedis();
  },
};
