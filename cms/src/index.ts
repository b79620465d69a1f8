import type { Core } from '@strapi/strapi';
import { closeRedis } from './redis';

export default {
  register() {},

  /** Runs after every plugin's bootstrap, so the Users & Permissions roles exist. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('ticketing').service('access').applyBaseline();
  },

  async destroy() {
    await closeRedis();
  },
};
