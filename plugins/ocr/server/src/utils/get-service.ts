import type { Core } from '@strapi/strapi';
import type ocrJobs from '../services/ocr-jobs';
import type results from '../services/results';
import type suggestions from '../services/suggestions';

interface Services {
  'ocr-jobs': ReturnType<typeof ocrJobs>;
  results: ReturnType<typeof results>;
  suggestions: ReturnType<typeof suggestions>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('ocr').service(name) as Services[K];
}
