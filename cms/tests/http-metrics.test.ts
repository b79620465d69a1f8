import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { createTestDatabase, dropTestDatabase } from './helpers/database';
import { startStrapiProcess } from './helpers/strapi-process';

const count = (text: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`http_requests_total{${labels}} `));
  return line ? Number(line.split(' ')[1]) : 0;
};

describe('/metrics: HTTP requests per route and status, event-loop lag and memory', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const server = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('counts and times each request under its route pattern, with the status it got', async () => {
    const jwt = await userToken(app.strapi, 'viewer');
    const before = (await server().get('/metrics')).text;
    await server().get('/api/ticketing/ticket-types').expect(401);
    await server().get('/api/ticketing/ticket-types').set('Authorization', `Bearer ${jwt}`).expect(200);
    await server().get('/api/ticketing/ticket-types/bs-fault/schema').set('Authorization', `Bearer ${jwt}`).expect(200);
    await server().get('/api/ticketing/ticket-types/site-survey/schema').set('Authorization', `Bearer ${jwt}`).expect(200);
    await server().get('/no/such/page').expect(404);
    const text = (await server().get('/metrics')).text;

    const types = 'route="/api/ticketing/ticket-types",method="GET",status="200"';
    expect(count(text, types) - count(before, types)).toBe(1);
    // refused by the auth guard before any route matched
    const refused = 'route="unmatched",method="GET",status="401"';
    expect(count(text, refused) - count(before, refused)).toBe(1);
    // two types, one label: the pattern, not the path
    const schema = 'route="/api/ticketing/ticket-types/:key/schema",method="GET",status="200"';
    expect(count(text, schema) - count(before, schema)).toBe(2);
    expect(text).not.toContain('bs-fault/schema');
    expect(count(text, 'route="unmatched",method="GET",status="404"') - count(before, 'route="unmatched",method="GET",status="404"')).toBe(1);
    expect(text).not.toContain('/no/such/page');
    expect(count(text, 'route="/metrics",method="GET",status="200"')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.005",route="\/api\/ticketing\/ticket-types\/:key\/schema",method="GET",status="200"\} \d+$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/api\/ticketing\/ticket-types\/:key\/schema",method="GET",status="200"\} [2-9]$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]/m);
  });
});

describe('production start-up and an open /metrics', () => {
  let db: { name: string; url: string };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => dropTestDatabase(db.name));

  it('refuses to start without METRICS_TOKEN, saying how to fix it', async () => {
    await expect(startStrapiProcess(db.url, { NODE_ENV: 'production', METRICS_TOKEN: '', METRICS_PUBLIC: '' })).rejects.toThrow(
      /METRICS_TOKEN is not set: with NODE_ENV=production GET \/metrics would be open.*METRICS_PUBLIC=true/,
    );
  });

  it('starts with METRICS_PUBLIC=true set on purpose, and serves /metrics open', async () => {
    const cms = await startStrapiProcess(db.url, { NODE_ENV: 'production', METRICS_TOKEN: '', METRICS_PUBLIC: 'true' });
    try {
      const res = await fetch(`${cms.url}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^# TYPE http_requests_total counter$/m);
    } finally {
      await cms.stop();
    }
  });
});
