import type { Core } from '@strapi/strapi';
import { exportService } from './export/export-services';
import { templateGuard } from './export/template-guard';
import { getService } from './utils/get-service';

/** Registers the `import`, `export` and `export-cleanup` queues with the jobs plugin, in every process (CMS and worker). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'import-jobs').register();
  exportService(strapi, 'export-jobs').register();
  // templates written in the Content Manager are checked like uploads through the route
  strapi.documents.use(templateGuard(strapi));
};
