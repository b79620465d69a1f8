import type { Core } from '@strapi/strapi';
import type access from '../services/access';
import type auditHook from '../services/audit-hook';
import type roleSync from '../services/role-sync';
import type timestamps from '../services/timestamps';
import type virusScan from '../services/virus-scan';

interface Services {
  access: ReturnType<typeof access>;
  'audit-hook': ReturnType<typeof auditHook>;
  'role-sync': ReturnType<typeof roleSync>;
  timestamps: ReturnType<typeof timestamps>;
  'virus-scan': ReturnType<typeof virusScan>;
}

/** A service of the access plugin, typed (for this plugin and every plugin built on it). */
export function accessService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('access').service(name) as Services[K];
}
