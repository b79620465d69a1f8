import type { Core } from '@strapi/strapi';
import { buildDocument } from './build-document';

/**
 * Routes never change while a process runs, ticket types rarely: the document is built at
 * most once per TTL per process, so a new type shows within that time.
 */
const TTL_MS = 10_000;
const cache = new WeakMap<Core.Strapi, { until: number; document: Promise<Record<string, unknown>> }>();

export function openApiDocument(strapi: Core.Strapi): Promise<Record<string, unknown>> {
  const cached = cache.get(strapi);
  if (cached && cached.until > Date.now()) return cached.document;
  const document = buildDocument(strapi);
  cache.set(strapi, { until: Date.now() + TTL_MS, document });
  // a failed build is not kept
  document.catch(() => cache.delete(strapi));
  return document;
}
