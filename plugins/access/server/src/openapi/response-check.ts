import Ajv2020 from 'ajv/dist/2020';

/** One documented operation, found by method and a request path. */
interface Operation {
  method: string;
  openApiPath: string;
  strapiPath: string;
  pattern: RegExp;
  params: number;
}

interface DocumentedOperation {
  'x-strapi-path': string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Paths = Record<string, Record<string, DocumentedOperation>>;

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/jobs/:id` → /^\/api\/jobs\/[^/]+\/?$/; `:key(.*)` keeps its own pattern. */
function pathPattern(strapiPath: string): RegExp {
  const source = strapiPath
    .replace(/\/$/, '')
    .split(/(:\w+(?:\([^)]*\))?)/)
    .map((part) => {
      const param = /^:\w+(?:\(([^)]*)\))?$/.exec(part);
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^/api${source}/?$`);
}

/**
 * Checks answers against an OpenAPI document: the route is found by method and path (literal
 * paths before parameters, as the router orders them), the status must be documented (or its
 * 4XX/5XX range), and a JSON body must match the schema (Ajv, JSON Schema 2020-12).
 * Requests to paths the document does not describe are not its business: null.
 */
export function responseChecker(document: Record<string, unknown>) {
  const paths = (document.paths ?? {}) as Paths;
  const ajv = new Ajv2020({ strict: false, validateSchema: false, validateFormats: false, allErrors: false });
  ajv.addSchema(document, 'openapi');
  const operations: Operation[] = [];
  for (const [openApiPath, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const strapiPath = operation['x-strapi-path'];
      operations.push({ method: method.toUpperCase(), openApiPath, strapiPath, pattern: pathPattern(strapiPath), params: (strapiPath.match(/:/g) ?? []).length });
    }
  }
  operations.sort((a, b) => a.params - b.params);

  return function check(method: string, path: string, status: number, contentType: string, body: unknown): string | null {
    const operation = operations.find((op) => op.method === method.toUpperCase() && op.pattern.test(path));
    if (!operation || status === 304) return null;
    const label = `${operation.method} ${operation.openApiPath} → ${status}`;
    const responses = paths[operation.openApiPath][method.toLowerCase()].responses;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return `${label}: status ${status} is not in the OpenAPI document`;
    const content = responses[key].content;
    const isJson = /json/.test(contentType);
    if (!content) return isJson && body !== undefined && body !== '' && !(typeof body === 'object' && body && !Object.keys(body).length) ? `${label}: answered a JSON body, the document says none` : null;
    if (!('application/json' in content)) return isJson ? `${label}: answered JSON, the document says ${Object.keys(content).join(', ')}` : null;
    if (!isJson) return `${label}: answered ${contentType || 'no content type'}, the document says application/json`;
    const pointer = ['paths', operation.openApiPath, method.toLowerCase(), 'responses', key, 'content', 'application/json', 'schema'].map(escapePointer).join('/');
    const validate = ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) return `${label}: no schema at ${pointer}`;
    if (validate(body)) return null;
    const [error] = validate.errors ?? [];
    return `${label}: body${error?.instancePath || ''} ${error?.message} (${JSON.stringify(error?.params)}; schema ${error?.schemaPath})`;
  };
}
