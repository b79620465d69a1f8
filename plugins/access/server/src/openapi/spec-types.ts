/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

/**
 * What a route says about itself for the OpenAPI document, next to its path and right:
 * `route('GET', '/tickets/:id', 'tickets.findOne', 'tickets.read', { summary, responses: { 200: … } })`.
 * Error answers (4xx, 5xx: Strapi's error body) are added to every route by the builder.
 */
export interface RouteSpec {
  summary: string;
  description?: string;
  /** Query parameters by name; each schema may carry a `description`. */
  query?: Record<string, JsonSchema>;
  /** A JSON request body. */
  body?: JsonSchema;
  /** A multipart/form-data request body (its properties are the form's fields and files). */
  multipart?: JsonSchema;
  /** Answers by status: a JSON body's schema, or `file(mediaType)` for bytes. */
  responses: Record<number, JsonSchema>;
}

/** Marks a response schema as a file of `mediaType` rather than JSON. */
export const MEDIA_TYPE_KEY = 'x-media-type';
export const file = (mediaType: string, description?: string): JsonSchema => ({
  [MEDIA_TYPE_KEY]: mediaType,
  type: 'string',
  contentMediaType: mediaType,
  ...(description ? { description } : {}),
});

/** A reference to a shared schema in `components.schemas`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Declares a shared schema where it is used: the builder moves it to `components.schemas` and leaves a `$ref`. */
export const NAMED_KEY = 'x-component';
export const named = (name: string, schema: JsonSchema): JsonSchema => ({ ...schema, [NAMED_KEY]: name });

/** An object whose listed properties are all required (unless `optional` names them); others are allowed. */
export const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});

/** `{ data: … }`, Strapi's answer envelope. */
export const data = (schema: JsonSchema, meta?: JsonSchema): JsonSchema =>
  meta ? object({ data: schema, meta }) : object({ data: schema });

/** `{ data: [...], meta: { pagination } }`, a paged list. */
export const page = (item: JsonSchema): JsonSchema => data({ type: 'array', items: item }, ref('PageMeta'));

/** Common leaf schemas. */
export const str: JsonSchema = { type: 'string' };
export const int: JsonSchema = { type: 'integer' };
export const bool: JsonSchema = { type: 'boolean' };
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const timestamp: JsonSchema = { type: 'string', format: 'date-time', description: 'ISO 8601 with the platform offset' };
export const anyObject: JsonSchema = { type: 'object' };
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** `?page=&pageSize=` of every paged list (1 and 25 when absent; pageSize at most 100). */
export const paging: Record<string, JsonSchema> = {
  page: { type: 'integer', minimum: 1, description: 'from 1' },
  pageSize: { type: 'integer', minimum: 1, maximum: 100, description: '25 when absent' },
};
