import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';

type Who = 'anonymous' | 'viewer' | 'handler' | 'publisher' | 'admin';
const ROLES: Exclude<Who, 'anonymous'>[] = ['viewer', 'handler', 'publisher', 'admin'];

/**
 * The expected status of every project route for every role, written out here rather
 * than read from config/roles.yaml, so that a wrong roles file fails this test.
 * Columns: anonymous, viewer, handler, publisher, admin.
 */
const MATRIX: [string, string, number[]][] = [
  ['GET', '/api/ticketing/ticket-types', [401, 200, 200, 200, 200]],
  ['GET', '/api/ticketing/ticket-types/bs-fault/schema', [401, 200, 200, 200, 200]],
  ['GET', '/api/ticketing/field-types', [401, 200, 200, 200, 200]],
  ['GET', '/api/ticketing/ticket-types/bs-fault/versions', [401, 403, 403, 403, 200]],
  ['GET', '/api/ticketing/tickets', [401, 200, 200, 200, 200]],
  ['POST', '/api/ticketing/tickets', [401, 403, 403, 201, 201]],
  ['GET', '/api/ticketing/tickets/:id', [401, 200, 200, 200, 200]],
  ['PUT', '/api/ticketing/tickets/:id', [401, 403, 200, 200, 200]],
  ['POST', '/api/ticketing/tickets/:id/transition', [401, 403, 403, 200, 200]],
  ['GET', '/api/ticketing/tickets/:id/history', [401, 200, 200, 200, 200]],
  ['POST', '/api/ticketing/tickets/:id/assign', [401, 403, 200, 200, 200]],
  ['GET', '/api/ticketing/assignees', [401, 403, 403, 200, 200]],
  ['GET', '/api/ticketing/tickets/:id/notes', [401, 200, 200, 200, 200]],
  ['POST', '/api/ticketing/tickets/:id/notes', [401, 403, 201, 201, 201]],
  ['DELETE', '/api/ticketing/tickets/:id', [401, 403, 403, 200, 200]],
  ['POST', '/api/ticketing/tickets/:id/images', [401, 403, 400, 400, 400]],
  ['PUT', '/api/ticketing/tickets/:id/images/order', [401, 403, 403, 400, 400]],
  ['GET', '/api/users', [401, 403, 403, 403, 200]],
  ['GET', '/api/users/me', [401, 200, 200, 200, 200]],
  ['GET', '/api/users-permissions/roles', [401, 403, 403, 403, 200]],
];

/** Who may make each move (docs/architecture.md#roles-and-rights), written out for the same reason. */
const MOVES: [string, string, Exclude<Who, 'anonymous'>[]][] = [
  ['draft', 'submitted', ['publisher', 'admin']],
  ['submitted', 'in_progress', ['handler', 'publisher', 'admin']],
  ['in_progress', 'resolved', ['handler', 'publisher', 'admin']],
  ['submitted', 'rejected', ['handler', 'publisher', 'admin']],
  ['in_progress', 'rejected', ['handler', 'publisher', 'admin']],
  ['resolved', 'closed', ['publisher', 'admin']],
  ['resolved', 'in_progress', ['publisher', 'admin']],
  ['rejected', 'draft', ['publisher', 'admin']],
];

describe('RBAC: the matrix and the transition table', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens = {} as Record<Who, string | null>;
  const call = (who: Who, method: string, url: string, body?: object) => {
    const req = (request(app.strapi.server.httpServer) as any)[method.toLowerCase()](url);
    if (tokens[who]) req.set('Authorization', `Bearer ${tokens[who]}`);
    return body ? req.send(body) : req;
  };
  /** A ticket in `state`, written directly so each case starts from a known place. */
  const ticketIn = async (state = 'draft') => {
    const res = await call('admin', 'POST', '/api/ticketing/tickets', { data: { type: 'bs-fault', form: bsFaultForm() } });
    await app.strapi.db.connection('ticketing_tickets').where({ document_id: res.body.data.documentId }).update({ state });
    return res.body.data.documentId as string;
  };

  beforeAll(async () => {
    app = await startTestApp();
    tokens.anonymous = null;
    for (const role of ROLES) tokens[role] = await userToken(app.strapi, role);
  });
  afterAll(async () => app?.stop());

  it.each(MATRIX)('%s %s', async (method, pattern, expected) => {
    const whos: Who[] = ['anonymous', ...ROLES];
    for (const [i, who] of whos.entries()) {
      const id = pattern.includes(':id') ? await ticketIn() : '';
      const body =
        method === 'POST' && pattern.endsWith('transition')
          ? { data: { to: 'submitted', version: 1 } }
          : pattern.endsWith('/assign')
            ? { data: { assignee: 'me', version: 1 } }
            : pattern.endsWith('/notes') && method === 'POST'
              ? { data: { text: '备注' } }
          : method === 'POST' || method === 'PUT'
            ? { data: { type: 'bs-fault', form: bsFaultForm({ pci: 100 + i }), version: 1 } }
            : undefined;
      const res = await call(who, method, pattern.replace(':id', id), body);
      expect({ who, status: res.status }).toEqual({ who, status: expected[i] });
      if (res.status === 401) expect(res.body.error.message).toMatch(/Authentication required/);
      if (res.status === 403) expect(res.body.error.message).toMatch(/^Missing right \S+/);
    }
  });

  it.each(MOVES)('%s -> %s', async (from, to, allowed) => {
    for (const role of ROLES) {
      const id = await ticketIn(from);
      const res = await call(role, 'POST', `/api/ticketing/tickets/${id}/transition`, { data: { to, version: 1 } });
      const expected = allowed.includes(role) ? 200 : 403;
      expect({ role, status: res.status }).toEqual({ role, status: expected });
      if (expected === 403) expect(res.body.error.message).toMatch(/Missing right (tickets\.transition|transition:\S+)/);
      else expect(res.body.data.status).toBe(to);
    }
  });

  it('shows each role only the moves it may make', async () => {
    const id = await ticketIn('resolved');
    const moves = async (who: Who) => (await call(who, 'GET', `/api/ticketing/tickets/${id}`)).body.data.allowedTransitions;
    expect(await moves('viewer')).toEqual([]);
    expect(await moves('handler')).toEqual([]);
    expect((await moves('publisher')).sort()).toEqual(['closed', 'in_progress']);
    expect((await moves('admin')).sort()).toEqual(['closed', 'in_progress']);
  });

  it('declares a right on every content-API route of every project plugin', () => {
    // the only routes without a user: signed file links, whose signature is the authorisation,
    // and the OpenAPI document with its reference viewer, which describe the API and hold no data
    const PUBLIC_ROUTES = ['ticketing: GET /files/:key(.*)', 'access: GET /openapi.json', 'access: GET /docs', 'access: GET /docs/:file'];
    const pluginsDir = path.resolve(__dirname, '..', '..', 'plugins');
    const projectPlugins = fs
      .readdirSync(pluginsDir)
      .map((dir) => JSON.parse(fs.readFileSync(path.join(pluginsDir, dir, 'package.json'), 'utf8')).strapi.name as string);
    expect(projectPlugins).toContain('ticketing');
    const rights = app.strapi.plugin('access').service('access').config().rights;
    const undeclared: string[] = [];
    let checked = 0;
    for (const name of projectPlugins) {
      const routes = (app.strapi.plugin(name).routes as any)['content-api']?.routes ?? [];
      for (const route of routes) {
        checked += 1;
        const label = `${name}: ${route.method} ${route.path}`;
        if (route.config?.auth === false && PUBLIC_ROUTES.includes(label)) continue;
        const rule = (route.config?.policies ?? []).find((p: any) => p?.name === 'plugin::access.has-right');
        if (!rule || !(rule.config.right in rights)) undeclared.push(label);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(undeclared).toEqual([]);
  });
});
