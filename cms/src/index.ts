import type { Core } from '@strapi/strapi';

export default {
  register() {},

  /** Runs after every plugin's bootstrap, so the Users & Permissions roles exist. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('ticketing').service('access').applyBaseline();
  },
};
