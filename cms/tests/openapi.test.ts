import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import request from 'supertest';
import { responseChecker } from 'strapi-plugin-access';
import { projectPlugins } from './helpers/project-plugins';
import { startTestApp } from './helpers/strapi';

/** The OpenAPI document (GET /api/openapi.json) and its reference viewer (GET /api/docs). */
describe('OpenAPI document', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const api = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('every content-API route of every project plugin carries a spec', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const name of projectPlugins()) {
      for (const route of (app.strapi.plugin(name).routes as any)['content-api']?.routes ?? []) {
        checked += 1;
        const spec = route.config?.spec;
        if (!spec?.summary || !spec.responses || !Object.keys(spec.responses).length) missing.push(`${name}: ${route.method} ${route.path}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(55);
    expect(missing).toEqual([]);
  });

  it('is served without credentials as OpenAPI 3.1 with every route, the auth routes, the shared shapes and each type\'s form', async () => {
    const res = await api().get('/api/openapi.json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(doc.components.securitySchemes).toEqual({
      userJwt: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    for (const path of ['/ticketing/tickets/{id}', '/jobs', '/jobs/{id}', '/ocr/jobs', '/excel-io/imports', '/notifications/webhooks/{id}', '/auth/local', '/auth/refresh', '/auth/logout', '/auth/sso/token', '/users/me']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const findOne = doc.paths['/ticketing/tickets/{id}'].get;
    expect(findOne['x-right']).toBe('tickets.read');
    expect(findOne.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(findOne.responses['4XX'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(doc.paths['/auth/local'].post.security).toEqual([]);
    // each active type's form, from the schema endpoint's builder
    const schemaAnswer = (await api().get('/api/ticketing/ticket-types/bs-fault/schema?locale=en').set('Authorization', `Bearer ${await adminToken()}`)).body.data.schema;
    const form = { ...schemaAnswer };
    delete form.$schema;
    expect(doc.components.schemas['TicketForm_bs-fault']).toEqual({ ...form, description: expect.stringContaining('bs-fault') });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['TicketForm_site-survey', 'TicketForm_maintenance', 'ErrorBody', 'PageMeta', 'JobRecord', 'Ticket']));
  });

  it('every $ref points at a schema the document holds', async () => {
    const doc = (await api().get('/api/openapi.json')).body;
    const refs = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          if (key === '$ref' && typeof item === 'string') refs.add(item);
          else walk(item);
        }
      }
    };
    walk(doc);
    const dangling = [...refs].filter((ref) => !doc.components.schemas[ref.replace('#/components/schemas/', '')]);
    expect(refs.size).toBeGreaterThan(3);
    expect(dangling).toEqual([]);
  });

  it('the check every test runs on answers refuses one that drifts from the document', async () => {
    const doc = (await api().get('/api/openapi.json')).body;
    const check = responseChecker(doc);
    const res = await api().get('/api/ticketing/ticket-types').set('Authorization', `Bearer ${await adminToken()}`).expect(200);
    expect(check('GET', '/api/ticketing/ticket-types', 200, res.type, res.body)).toBeNull();
    const drifted = { data: res.body.data.map(({ version: _version, ...type }: Record<string, unknown>) => type) };
    expect(check('GET', '/api/ticketing/ticket-types', 200, res.type, drifted)).toMatch(/GET \/ticketing\/ticket-types → 200: body\/data\/0 must have required property 'version'/);
    const notFound = { data: null, error: { status: 404, name: 'NotFoundError', message: 'gone', details: {} } };
    expect(check('GET', '/api/ticketing/ticket-types', 404, 'application/json', notFound)).toBeNull();
    expect(check('GET', '/api/ticketing/ticket-types', 404, 'application/json', { message: 'gone' })).toMatch(/→ 404: body must have required property 'data'/);
    expect(check('GET', '/api/ticketing/ticket-types', 302, 'text/plain', '')).toMatch(/status 302 is not in the OpenAPI document/);
  });

  it('serves Swagger UI from node_modules under a CSP that allows it', async () => {
    const page = await api().get('/api/docs').expect(200).expect('Content-Type', /text\/html/);
    const scripts = [...page.text.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['docs/swagger-ui-bundle.js', 'docs/swagger-ui-standalone-preset.js', 'docs/init.js']);
    // no inline script: the CSP allows scripts from 'self' only
    expect(page.text).not.toMatch(/<script>/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css', 'init.js']) {
      const res = await api().get(`/api/docs/${file}`).expect(200);
      expect((res.text ?? '').length + (res.body?.length ?? 0)).toBeGreaterThan(10);
    }
    expect((await api().get('/api/docs/init.js')).text).toContain("new URL('../openapi.json', document.currentScript.src)");
    const other = await api().get('/api/docs/package.json');
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/package\.json/);
  });

  it('Swagger UI renders every plugin\'s routes in Chromium, with nothing refused by the CSP and nothing fetched from elsewhere', async () => {
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Debian's chromium (as the portal's e2e tests use it), never a downloaded browser
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const outside: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (req) => !req.url().startsWith(`${origin}/`) && !req.url().startsWith('data:') && outside.push(req.url()));
      await page.goto(`${origin}/api/docs`);
      await page.waitForSelector('.opblock-tag[data-tag="notifications"]', { timeout: 60_000 });
      const tags = await page.$$eval('.opblock-tag', (elements) => elements.map((e) => e.getAttribute('data-tag')));
      expect(tags).toEqual(expect.arrayContaining(['ticketing', 'jobs', 'ocr', 'excel-io', 'notifications', 'auth', 'access']));
      expect(await page.locator('.opblock-summary-path[data-path="/ticketing/tickets/{id}"]').count()).toBeGreaterThanOrEqual(3);
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const adminToken = async () => (await import('./helpers/users')).userToken(app.strapi, 'admin');
});
