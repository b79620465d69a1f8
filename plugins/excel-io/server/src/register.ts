import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Registers the `import` queue with the jobs plugin, in every process (CMS and worker). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'import-jobs').register();
};
