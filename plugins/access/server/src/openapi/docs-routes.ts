import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { openApiDocument } from './document-cache';
import { file, object, type RouteSpec } from './spec-types';

/*
 * GET /api/openapi.json and the Swagger UI reference at /api/docs, served from the
 * swagger-ui-dist package in node_modules (nothing is fetched from elsewhere). Both are
 * public: the document describes the API, it holds no data, and the viewer must load it
 * before anyone has signed in. Every route in it still needs its right.
 */

const swaggerDir = () => path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** The viewer's files, and their media types; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// a file of its own rather than an inline script: the CSP allows scripts from 'self' only
// (the document's URL is taken from this script's own, /api/docs/init.js, so a proxy's prefix is kept;
// no validator badge: it would send the document to an outside service)
const INIT_SCRIPT = `var openApiUrl = new URL('../openapi.json', document.currentScript.src).href;
window.onload = function () {
  window.ui = SwaggerUIBundle({ url: openApiUrl, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>5G Ticketing API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-ui-standalone-preset.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

const publicRoute = (method: string, routePath: string, handler: (ctx: Context) => Promise<void> | void, spec: RouteSpec) => ({
  method,
  path: routePath,
  handler,
  // served at /api/openapi.json, not under the plugin's /api/access
  config: { auth: false, prefix: '', spec },
});

// handlers run per request, when Strapi's global instance is the app serving it
const app = () => (global as unknown as { strapi: Core.Strapi }).strapi;

export const docsRoutes = [
  publicRoute('GET', '/openapi.json', async (ctx) => {
    ctx.body = await openApiDocument(app());
  }, {
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: object({ openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' }, components: { type: 'object' } }) },
  }),
  publicRoute('GET', '/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  }, { summary: 'The API reference (Swagger UI)', responses: { 200: file('text/html') } }),
  publicRoute('GET', '/docs/:file', (ctx) => {
    const name = ctx.params.file as string;
    if (name === 'init.js') {
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = INIT_SCRIPT;
      return;
    }
    if (!Object.hasOwn(ASSETS, name)) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: `No file ${name} in the API reference`, details: {} } };
      return;
    }
    ctx.type = ASSETS[name];
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = fs.createReadStream(path.join(swaggerDir(), name));
  }, { summary: 'A file of the API reference viewer', responses: { 200: file('application/octet-stream', 'CSS, JavaScript or an icon') } }),
];
