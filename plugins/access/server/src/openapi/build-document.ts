import type { Core } from '@strapi/strapi';
import { authRoutes } from './auth-routes';
import { openApiPath, routeOperation, type DeclaredRoute } from './route-operation';
import { extraSchemas } from './schema-sources';
import { sharedSchemas } from './shared-schemas';
import type { JsonSchema } from './spec-types';

/** A route of the document with the plugin it belongs to and its path under /api. */
export interface SpecifiedRoute {
  plugin: string;
  route: DeclaredRoute;
  fullPath: string;
}

/** Every content-API route of every loaded plugin, with the path it is served under (after /api). */
export function contentApiRoutes(strapi: Core.Strapi): SpecifiedRoute[] {
  const found: SpecifiedRoute[] = [];
  for (const [plugin, loaded] of Object.entries(strapi.plugins)) {
    const routes = ((loaded as { routes?: Record<string, { routes?: DeclaredRoute[] }> }).routes?.['content-api']?.routes ?? []) as DeclaredRoute[];
    for (const route of routes) {
      const prefix = route.config?.prefix ?? `/${plugin}`;
      found.push({ plugin, route, fullPath: `${prefix}${route.path}` });
    }
  }
  return found;
}

/**
 * The OpenAPI 3.1 document of the content API: every route that carries a spec (the project's
 * plugins), the auth routes of Users & Permissions the project uses, the shared shapes, and
 * what other plugins add (each ticket type's form schema).
 */
export async function buildDocument(strapi: Core.Strapi): Promise<Record<string, unknown>> {
  const components: Record<string, JsonSchema> = { ...sharedSchemas };
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = [...contentApiRoutes(strapi), ...authRoutes()];
  for (const { plugin, route, fullPath } of routes) {
    if (!route.config?.spec) continue;
    const operation = routeOperation(plugin, route, fullPath, route.config.spec, components);
    (paths[openApiPath(fullPath)] ??= {})[route.method.toLowerCase()] = operation;
  }
  Object.assign(components, await extraSchemas(strapi));
  return {
    openapi: '3.1.0',
    info: {
      title: '5G Ticketing API',
      version: String(strapi.config.get('info.version', '0.0.0')),
      description: 'Content API of 5G Ticketing. Every route needs a user access token (POST /auth/local) or an API token, sent as `Authorization: Bearer`, whose role holds the route\'s right (`x-right`, config/roles.yaml).',
    },
    servers: [{ url: '/api' }],
    security: [{ userJwt: [] }, { apiToken: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        userJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A user\'s access token from POST /auth/local or /auth/refresh (15 minutes)' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'A Strapi API token (read-only, full-access or custom) from the admin panel' },
      },
    },
  };
}
