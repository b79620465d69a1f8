import type { Core } from '@strapi/strapi';
import type alerts from '../services/alerts';
import type board from '../services/board';
import type cancelFlags from '../services/cancel-flags';
import type jobs from '../services/jobs';
import type metrics from '../services/metrics';
import type queues from '../services/queues';
import type records from '../services/records';
import type workers from '../services/workers';

interface Services {
  alerts: ReturnType<typeof alerts>;
  board: ReturnType<typeof board>;
  'cancel-flags': ReturnType<typeof cancelFlags>;
  jobs: ReturnType<typeof jobs>;
  metrics: ReturnType<typeof metrics>;
  queues: ReturnType<typeof queues>;
  records: ReturnType<typeof records>;
  workers: ReturnType<typeof workers>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('jobs').service(name) as Services[K];
}
