import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { projectPlugins } from './helpers/project-plugins';
import { startTestApp } from './helpers/strapi';
import { plainPng } from './helpers/photos';
import { bsFaultForm } from './helpers/tickets';
import { userToken } from './helpers/users';

// jobs stay queued: nothing a hostile request could start may run meanwhile
process.env.WORKERS = 'off';

interface Case {
  name: string;
  value: string;
}
interface BodyCase {
  name: string;
  contentType: string;
  text: string;
}
// made by scripts/make-hostile-corpus.js
const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'hostile', 'corpus.json'), 'utf8')) as {
  pathValues: Case[];
  queries: Case[];
  bodies: BodyCase[];
};


type Method = 'get' | 'post' | 'put' | 'delete';

describe('hostile input: a JSON 4xx, never a 5xx, and nothing written', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  let ticket: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  /** Rows in every table of the database: what a refused request must leave as it was. */
  const tableCounts = async () => {
    const db = app.strapi.db.connection;
    const tables = (await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows as { tablename: string }[];
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) counts[tablename] = Number((await db(tablename).count({ n: '*' }))[0].n);
    return counts;
  };

  /** Every content-API route of the project's plugins and of Users & Permissions (login and register among them). */
  const routes = () => {
    const all: { label: string; method: Method; path: string }[] = [];
    for (const plugin of [...projectPlugins().filter((name) => app.strapi.plugin(name)), 'users-permissions']) {
      for (const route of (app.strapi.plugin(plugin).routes as any)?.['content-api']?.routes ?? []) {
        // a route may set its own prefix (the access plugin's /api/openapi.json)
        const prefix = plugin === 'users-permissions' ? '/api' : `/api${route.config?.prefix ?? `/${plugin}`}`;
        all.push({ label: `${plugin} ${route.method} ${route.path}`, method: route.method.toLowerCase(), path: `${prefix}${route.path}`.replace(/\/$/, '') });
      }
    }
    return all;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await userToken(app.strapi, 'admin');
    ticket = (await api().post('/api/ticketing/tickets').set(auth()).send({ data: { type: 'bs-fault', form: bsFaultForm() } })).body.data.documentId;
  });
  afterAll(async () => app?.stop());

  it('fires the corpus at every content-API route: zero 5xx, every answer JSON, no row written', async () => {
    const before = await tableCounts();
    const bad: string[] = [];
    let fired = 0;
    // the API reference's page and its files answer 200 with HTML, CSS or JavaScript; their errors are JSON
    const servesPage = (label: string) => label.startsWith('access GET /docs');
    const judge = (label: string, res: request.Response) => {
      fired += 1;
      const json = /json/.test(res.type) || (res.status < 300 && servesPage(label));
      if (res.status >= 500 || !json) bad.push(`${label}: ${res.status} ${res.type} ${res.text.slice(0, 160)}`);
    };
    const all = routes();
    expect(all.length).toBeGreaterThanOrEqual(40);
    const withParams = (route: { path: string }, value: string) => route.path.replace(/:[^/]+/g, value);
    for (const route of all) {
      for (const hostile of corpus.pathValues) {
        if (!route.path.includes(':')) continue;
        judge(`${route.label} path=${hostile.name}`, await api()[route.method](withParams(route, hostile.value)).set(auth()));
      }
      // a real ticket's id where the route wants one, so the query and body reach the handler
      const url = withParams(route, ticket);
      if (route.method === 'get') {
        for (const hostile of corpus.queries) judge(`${route.label} query=${hostile.name}`, await api().get(`${url}?${hostile.value}`).set(auth()));
      }
      // (a write route fired with a harmless query would just do its work: queries go to reads)
      if (route.method === 'get' || route.method === 'delete') continue;
      for (const hostile of corpus.bodies) {
        judge(`${route.label} body=${hostile.name}`, await api()[route.method](url).set(auth()).set('Content-Type', hostile.contentType).send(hostile.text));
      }
    }
    expect(bad).toEqual([]);
    expect(fired).toBeGreaterThan(400);
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['NUL in a form field', '{"data":{"type":"bs-fault","form":{"site_name":"A\\u0000B"}}}', /data\.form\.site_name contains a NUL/],
    ['a lone surrogate', '{"data":{"type":"bs-fault","form":{"site_name":"\\ud800"}}}', /data\.form\.site_name contains a lone UTF-16 surrogate/],
    ['NUL in the type key', '{"data":{"type":"bs-fault\\u0000","form":{}}}', /data\.type contains a NUL/],
  ])('ticket create with %s is a 400 naming the field', async (_name, text, message) => {
    const res = await api().post('/api/ticketing/tickets').set(auth()).set('Content-Type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toMatch(message);
  });

  it('a login identifier with NUL is a 400, not a 500', async () => {
    const res = await api().post('/api/auth/local').set('Content-Type', 'application/json').send('{"identifier":"admin\\u0000","password":"x"}');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/identifier contains a NUL/);
  });

  it.each([
    ['%00', /path contains a NUL/],
    ['%ED%A0%80', /not valid percent-encoded UTF-8/],
  ])('a ticket id %s is a 400', async (id, message) => {
    const res = await api().get(`/api/ticketing/tickets/${id}`).set(auth());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('a multipart upload cut off before its closing boundary is a 400 and stores nothing', async () => {
    const before = (await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data.length;
    const cut = corpus.bodies.find((b) => b.name.startsWith('multipart cut off')) as BodyCase;
    const res = await api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth()).set('Content-Type', cut.contentType).send(cut.text);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/request body could not be read/);
    expect((await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data).toHaveLength(before);
  });

  it('a photo named with a bidi override is kept under a name that shows what it is', async () => {
    const res = await api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth()).attach('files', await plainPng(), 'invoice\u202Egpj.png');
    expect(res.status).toBe(201);
    const stored = res.body.data.at(-1).name as string;
    expect(stored).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
    expect(stored).toContain('invoicegpj');
  });
});
