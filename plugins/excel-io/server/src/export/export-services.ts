import type { Core } from '@strapi/strapi';
import type exportJobs from '../services/export-jobs';
import type exportRuns from '../services/exports';
import type templates from '../services/templates';

interface ExportServices {
  'export-jobs': ReturnType<typeof exportJobs>;
  exports: ReturnType<typeof exportRuns>;
  templates: ReturnType<typeof templates>;
}

/** The export's services of this plugin, typed. */
export function exportService<K extends keyof ExportServices>(strapi: Core.Strapi, name: K): ExportServices[K] {
  return strapi.plugin('excel-io').service(name) as ExportServices[K];
}
