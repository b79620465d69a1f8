import type { Core } from '@strapi/strapi';
import type importJobs from '../services/import-jobs';
import type importRows from '../services/import-rows';
import type imports from '../services/imports';
import type mappings from '../services/mappings';
import type plans from '../services/plans';
import type reports from '../services/reports';

interface Services {
  'import-jobs': ReturnType<typeof importJobs>;
  'import-rows': ReturnType<typeof importRows>;
  imports: ReturnType<typeof imports>;
  mappings: ReturnType<typeof mappings>;
  plans: ReturnType<typeof plans>;
  reports: ReturnType<typeof reports>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('excel-io').service(name) as Services[K];
}
