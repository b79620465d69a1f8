import { responseChecker } from './response-check';

const document = {
  openapi: '3.1.0',
  paths: {
    '/jobs/board-link': { get: { 'x-strapi-path': '/jobs/board-link', responses: { 200: json({ type: 'object', required: ['url'] }) } } },
    '/jobs/{id}': { get: { 'x-strapi-path': '/jobs/:id', responses: { 200: json({ $ref: '#/components/schemas/Job' }), '4XX': json({ type: 'object', required: ['error'] }) } } },
    '/ticketing/files/{key}': { get: { 'x-strapi-path': '/ticketing/files/:key(.*)', responses: { 200: { description: 'a file', content: { 'image/png': {} } } } } },
  },
  components: { schemas: { Job: { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['documentId'] } } } } },
};

function json(schema: unknown) {
  return { description: '', content: { 'application/json': { schema } } };
}

describe('responseChecker', () => {
  const check = responseChecker(document);

  it('matches a literal path before a parameter and follows $refs into components', () => {
    expect(check('GET', '/api/jobs/board-link', 200, 'application/json', { url: 'x' })).toBeNull();
    expect(check('GET', '/api/jobs/abc', 200, 'application/json', { data: { documentId: 'abc' } })).toBeNull();
    expect(check('GET', '/api/jobs/abc', 200, 'application/json', { data: {} })).toMatch(/GET \/jobs\/\{id\} → 200: body\/data must have required property 'documentId'/);
  });

  it('takes a status range and refuses a status the document does not name', () => {
    expect(check('GET', '/api/jobs/abc', 404, 'application/json', { error: {} })).toBeNull();
    expect(check('GET', '/api/jobs/abc', 500, 'application/json', { error: {} })).toMatch(/status 500 is not in the OpenAPI document/);
  });

  it('refuses JSON where the document says a file, and the reverse', () => {
    expect(check('GET', '/api/ticketing/files/a/b.png', 200, 'image/png', Buffer.from(''))).toBeNull();
    expect(check('GET', '/api/ticketing/files/a/b.png', 200, 'application/json', {})).toMatch(/the document says image\/png/);
    expect(check('GET', '/api/jobs/abc', 200, 'text/html', '<p>')).toMatch(/the document says application\/json/);
  });

  it('leaves paths and methods the document does not describe alone', () => {
    expect(check('GET', '/api/elsewhere', 200, 'application/json', {})).toBeNull();
    expect(check('DELETE', '/api/jobs/abc', 200, 'application/json', {})).toBeNull();
  });
});
