import { HAS_RIGHT_POLICY } from '../request/require-right';
import { hoistNamed } from './hoist-named';
import { MEDIA_TYPE_KEY, ref, type JsonSchema, type RouteSpec } from './spec-types';

/** A route as Strapi keeps it in `plugin.routes['content-api'].routes`. */
export interface DeclaredRoute {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: boolean; prefix?: string; policies?: unknown[]; spec?: RouteSpec };
}

const STATUS_TEXT: Record<string, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted (a job was queued)', 204: 'No content', 302: 'Redirect (Location)', 304: 'Not modified',
  '4XX': 'Refused: bad input (400), no credentials (401), missing right (403), not found (404), conflict (409), too large (413), invalid (422), rate limited (429)',
  '5XX': 'Server or dependency failure (503: Redis, the queue or a service unreachable)',
};

/** `:name` and `:name(regex)` → `{name}`; the trailing slash of a plugin's root route goes. */
export const openApiPath = (koaPath: string) => koaPath.replace(/:(\w+)(\([^)]*\))?/g, '{$1}').replace(/(.)\/$/, '$1');

const rightOf = (route: DeclaredRoute): string | undefined =>
  (route.config?.policies ?? [])
    .map((p) => p as { name?: string; config?: { right?: string } })
    .find((p) => p?.name === HAS_RIGHT_POLICY)?.config?.right;

function response(status: string, schema: JsonSchema) {
  if (status === '204' || status === '302' || status === '304') return { description: STATUS_TEXT[status] };
  const { [MEDIA_TYPE_KEY]: mediaType, ...rest } = schema;
  return { description: STATUS_TEXT[status] ?? status, content: { [(mediaType as string) ?? 'application/json']: { schema: rest } } };
}

/** One OpenAPI operation of a route under `fullPath` (its Koa path with prefix); shared shapes go to `components`. */
export function routeOperation(pluginName: string, route: DeclaredRoute, fullPath: string, spec: RouteSpec, components: Record<string, JsonSchema>) {
  const right = rightOf(route);
  const pathParams = [...fullPath.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const queryParams = Object.entries(spec.query ?? {}).map(([name, schema]) => {
    const { description, required, ...rest } = schema;
    return { name, in: 'query', required: required === true, ...(description ? { description } : {}), schema: rest };
  });
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(spec.responses)) responses[status] = response(status, schema);
  for (const range of ['4XX', '5XX']) responses[range] ??= response(range, ref('ErrorBody'));
  const requestBody = spec.body
    ? { required: true, content: { 'application/json': { schema: spec.body } } }
    : spec.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: spec.multipart } } }
      : undefined;
  const operation = {
    operationId: typeof route.handler === 'string' ? `${pluginName}.${route.handler}` : `${pluginName}.${route.method.toLowerCase()}${fullPath}`,
    tags: [pluginName],
    summary: spec.summary,
    description: [spec.description, right ? `Right: \`${right}\`.` : 'No credentials needed.'].filter(Boolean).join('\n\n'),
    ...(right ? { 'x-right': right } : {}),
    'x-strapi-path': fullPath,
    ...(pathParams.length || queryParams.length ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: route.config?.auth === false ? [] : [{ userJwt: [] }, { apiToken: [] }],
  };
  return hoistNamed(operation, components) as Record<string, unknown>;
}
