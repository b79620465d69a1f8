import type { Core } from '@strapi/strapi';
import type { JsonSchema } from './spec-types';

/** Schemas a plugin adds to the document at build time (ticketing: one form schema per active type). */
export type SchemaSource = () => Promise<Record<string, JsonSchema>>;

const sources = new WeakMap<Core.Strapi, SchemaSource[]>();

/**
 * Lets a plugin add `components.schemas` from its own services, so the access plugin needs
 * none of them: `addOpenApiSchemas(strapi, async () => ({ TicketForm_bs_fault: … }))` in its register().
 */
export function addOpenApiSchemas(strapi: Core.Strapi, source: SchemaSource): void {
  sources.set(strapi, [...(sources.get(strapi) ?? []), source]);
}

export async function extraSchemas(strapi: Core.Strapi): Promise<Record<string, JsonSchema>> {
  const parts = await Promise.all((sources.get(strapi) ?? []).map((source) => source()));
  return Object.assign({}, ...parts);
}
