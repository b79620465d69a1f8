import type { Core } from '@strapi/strapi';
import { writtenModelsCache } from './written-models-cache';

type Method = (key: unknown, ...rest: unknown[]) => Promise<unknown>;

// what the answers below are made of: a write of any of these drops every copy
const AUTH_MODELS = [
  'admin::api-token',
  'admin::api-token-permission',
  'plugin::users-permissions.user',
  'plugin::users-permissions.role',
  'plugin::users-permissions.permission',
];

const shallow = <T>(value: T): T => (value && typeof value === 'object' ? { ...value } : value);

/**
 * The reads both content-API auth strategies make on every request, kept per process until an
 * API token, a user, a role or a permission is written (on any process: see
 * `writtenModelsCache`). Without them an API token costs four queries a request (the token,
 * its permissions, its admin permissions, its owner), and a signed-in user three more than
 * with them (the user with the role, the role's permissions). Misses and failed reads are not
 * kept: the next request asks the database again. `AUTH_CACHE_TTL_MS` caps a copy's age
 * (default 60 s; 0: no copies).
 */
export function cacheAuthReads(strapi: Core.Strapi) {
  const cache = writtenModelsCache(strapi, 'auth-changed', AUTH_MODELS, Number(process.env.AUTH_CACHE_TTL_MS ?? 60_000));
  const replace = (service: Record<string, Method>, method: string, name: string, copy: (value: unknown) => unknown) => {
    service[method] = cache.wrap(name, service[method].bind(service), copy) as Method;
  };
  // a lookup with options asks for the decrypted key: `wrap` never keeps a call with more than its key
  replace(strapi.service('admin::api-token-content-api') as unknown as Record<string, Method>, 'getByAccessKey', 'api-token', shallow);
  replace(strapi.plugin('users-permissions').service('user') as Record<string, Method>, 'fetchAuthenticatedUser', 'user', (user) => structuredClone(user));
  replace(strapi.plugin('users-permissions').service('permission') as Record<string, Method>, 'findRolePermissions', 'role-permissions', (list) =>
    Array.isArray(list) ? list.map(shallow) : list,
  );
  return cache;
}
