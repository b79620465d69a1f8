import bootstrap from './bootstrap';
import { docsRoutes } from './openapi/docs-routes';
import config from './config';
import middlewares from './middlewares';
import policies from './policies';
import services from './services';

/*
 * The shared base of the platform's plugins, imported at run time as
 * `strapi-plugin-access` (this same module: one copy of every class). Strapi loads the
 * default export as the plugin; the named exports are what other plugins build on.
 */
export type { AccessPluginConfig } from './config';
export type { AccessConfig, FailAt, RoleSpec, SectionReader } from './roles/roles-file';
export type { AuditEntry, AuditRecorder } from './services/audit-hook';
export { actorFromState, isApiTokenAuth, type Actor, type AuthState } from './request/caller';
export { bodyData } from './request/body-data';
export { diffRecords, type RecordDiff } from './audit/record-diff';
export { pageParams, pagination, type PageParams } from './request/page-params';
export { HAS_RIGHT_POLICY, requireRight, route } from './request/require-right';
export { ConflictError, DomainError, ForbiddenError, InvalidError, isDomainError, MissingRightError, NotFoundError } from './errors/domain-errors';
export { errorResponse, type ErrorBody } from './errors/error-body';
export { formatTimestamp } from './time/format-timestamp';
export { zonedFormatter } from './time/zoned-format';
export { wallClockDate, zoneOffsets, type ZoneOffsets } from './time/zone-offsets';
export { accessService } from './utils/get-service';
export { openRedis, type ConnectionNeeds, type RedisClient } from './redis/redis-connection';
export { invalidationBus } from './redis/invalidation-bus';
export { DEFAULT_REDIS_URL, parseNodes, redisSettingsFromEnv, type RedisNode, type RedisSettings } from './redis/redis-settings';
export { addOpenApiSchemas, type SchemaSource } from './openapi/schema-sources';
export { openApiDocument } from './openapi/document-cache';
export { responseChecker } from './openapi/response-check';
export { arrayOf, anyObject, bool, data, file, int, named, nullable, object, page, paging, ref, str, timestamp, type JsonSchema, type RouteSpec } from './openapi/spec-types';

export default {
  bootstrap,
  config,
  middlewares,
  policies,
  services,
  // GET /api/openapi.json and the reference at /api/docs
  routes: { 'content-api': { type: 'content-api', routes: docsRoutes } },
};
