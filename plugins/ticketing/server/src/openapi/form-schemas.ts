import type { Core } from '@strapi/strapi';
import type { JsonSchema } from 'strapi-plugin-access';
import { getService } from '../utils/get-service';

/**
 * `TicketForm_<key>` for every active ticket type, from the schema endpoint's own builder
 * (every field, English labels): the document shows each form as clients will get it.
 * `$schema` goes: inside OpenAPI 3.1 the dialect is the document's.
 */
export async function ticketFormSchemas(strapi: Core.Strapi): Promise<Record<string, JsonSchema>> {
  const types = getService(strapi, 'ticket-types');
  const schemas: Record<string, JsonSchema> = {};
  for (const { key } of await types.listActive()) {
    const { schema, version } = await types.formSchema(key, 'en', undefined, null);
    const rest: JsonSchema = { ...(schema as JsonSchema) };
    delete rest.$schema;
    schemas[`TicketForm_${key}`] = { ...rest, description: `The form of ticket type ${key}, version ${version} (GET /ticketing/ticket-types/${key}/schema)` };
  }
  return schemas;
}
