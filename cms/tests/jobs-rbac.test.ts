import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { addTestJob, userWithToken, waitForStatus, type JobView } from './helpers/jobs';

// one test job at a time, so jobs queue up behind a long one; /metrics behind a token
process.env.JOBS_CONCURRENCY_TEST = '1';
process.env.METRICS_TOKEN = 'metrics-token-for-tests';

type Who = 'viewer' | 'handler' | 'publisher' | 'admin';

describe('jobs: routes, own jobs vs all, bull-board and /metrics access', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const users = {} as Record<Who, { id: number; jwt: string }>;
  const jobs = {} as Record<'long' | Exclude<Who, 'admin'>, JobView>;
  const server = () => request(app.strapi.server.httpServer);
  const as = (who: Who, method: 'get' | 'post', url: string) => server()[method](url).set('Authorization', `Bearer ${users[who].jwt}`);
  const ids = (res: request.Response) => (res.body.data as JobView[]).map((j) => j.documentId).sort();

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of ['viewer', 'handler', 'publisher', 'admin'] as Who[]) users[who] = await userWithToken(app.strapi, who);
    jobs.long = await addTestJob(app.strapi, { mode: 'steps', steps: 300, delayMs: 50 }, users.admin.id);
    await waitForStatus(app.strapi, jobs.long.documentId, 'running');
    for (const who of ['viewer', 'handler', 'publisher'] as const) jobs[who] = await addTestJob(app.strapi, { mode: 'steps', steps: 1, delayMs: 1 }, users[who].id);
  });
  afterAll(async () => app?.stop());

  it('answers 401 without credentials', async () => {
    for (const [method, url] of [
      ['get', '/api/jobs'],
      ['get', `/api/jobs/${jobs.viewer.documentId}`],
      ['post', `/api/jobs/${jobs.viewer.documentId}/cancel`],
      ['get', '/api/jobs/board-link'],
    ] as const) {
      const res = await server()[method](url);
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
    }
  });

  it('lists a user’s own jobs and every job for an admin, with status in the API', async () => {
    const mine = await as('viewer', 'get', '/api/jobs');
    expect(mine.status).toBe(200);
    expect(ids(mine)).toEqual([jobs.viewer.documentId]);
    expect(mine.body.data[0]).toMatchObject({ kind: 'test', status: 'queued', creator: { id: users.viewer.id } });
    expect(mine.body.data[0]).not.toHaveProperty('state');
    expect(mine.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });

    // kind=test: other plugins queue system jobs of their own at start (the export cleanup)
    const all = await as('admin', 'get', '/api/jobs?kind=test');
    expect(ids(all)).toEqual([jobs.long, jobs.viewer, jobs.handler, jobs.publisher].map((j) => j.documentId).sort());
    // newest first, and pages
    expect(all.body.data[0].documentId).toBe(jobs.publisher.documentId);
    const page2 = await as('admin', 'get', '/api/jobs?kind=test&pageSize=3&page=2');
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });

    const running = await as('admin', 'get', '/api/jobs?kind=test&status=running');
    expect(ids(running)).toEqual([jobs.long.documentId]);
    expect((await as('admin', 'get', '/api/jobs?kind=ocr')).body.data).toEqual([]);
    expect((await as('handler', 'get', '/api/jobs?status=running')).body.data).toEqual([]);

    for (const bad of ['status=done', 'pageSize=0', 'pageSize=101', 'page=x']) {
      const res = await as('admin', 'get', `/api/jobs?${bad}`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
  });

  it('shows one job to its creator and to admins only (404 to others)', async () => {
    const own = await as('handler', 'get', `/api/jobs/${jobs.handler.documentId}`);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ documentId: jobs.handler.documentId, status: 'queued', params: { mode: 'steps' } });
    expect((await as('viewer', 'get', `/api/jobs/${jobs.handler.documentId}`)).status).toBe(404);
    expect((await as('publisher', 'get', `/api/jobs/${jobs.long.documentId}`)).status).toBe(404);
    expect((await as('admin', 'get', `/api/jobs/${jobs.handler.documentId}`)).status).toBe(200);
    expect((await as('admin', 'get', '/api/jobs/nosuchjob000000000000000')).status).toBe(404);
  });

  it('lets the creator or an admin cancel: waiting → 200 cancelled, running → 202, finished → 409', async () => {
    expect((await as('viewer', 'post', `/api/jobs/${jobs.handler.documentId}/cancel`)).status).toBe(404);
    const waiting = await as('handler', 'post', `/api/jobs/${jobs.handler.documentId}/cancel`);
    expect(waiting.status).toBe(200);
    expect(waiting.body.data).toMatchObject({ status: 'cancelled', cancelRequested: true });

    const running = await as('admin', 'post', `/api/jobs/${jobs.long.documentId}/cancel`);
    expect(running.status).toBe(202);
    expect(running.body.data).toMatchObject({ status: 'running', cancelRequested: true });
    await waitForStatus(app.strapi, jobs.long.documentId, 'cancelled', 5000);

    // the queue moves on to the jobs still waiting
    await waitForStatus(app.strapi, jobs.publisher.documentId, 'succeeded');
    const finished = await as('publisher', 'post', `/api/jobs/${jobs.publisher.documentId}/cancel`);
    expect(finished.status).toBe(409);
    expect(finished.body.error).toMatchObject({ status: 409, name: 'ConflictError', message: expect.stringMatching(/already succeeded/) });
    expect((await as('handler', 'get', '/api/jobs?status=cancelled')).body.data.map((j: JobView) => j.documentId)).toEqual([jobs.handler.documentId]);
  });

  it('gives bull-board links to admins only; the board refuses anything but a valid link or its session', async () => {
    for (const who of ['viewer', 'handler', 'publisher'] as const) {
      const res = await as(who, 'get', '/api/jobs/board-link');
      expect({ who, status: res.status, message: res.body.error?.message }).toEqual({ who, status: 403, message: 'Missing right jobs.manage' });
    }
    const link = await as('admin', 'get', '/api/jobs/board-link');
    expect(link.status).toBe(200);
    const { path, url, expiresAt } = link.body.data;
    expect(path).toMatch(/^\/jobs-board\?ticket=[\w%.-]+$/);
    expect(url.endsWith(path)).toBe(true);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(60_000);

    // refused: no link, a forged or truncated ticket, a made-up session cookie
    const ticket = decodeURIComponent(path.split('ticket=')[1]);
    for (const attempt of [
      server().get('/jobs-board/'),
      server().get('/jobs-board/api/queues'),
      server().get('/jobs-board/static/css/x.css'),
      server().get(`/jobs-board?ticket=${encodeURIComponent(ticket.slice(0, -3))}`),
      server().get(`/jobs-board?ticket=${encodeURIComponent(`${Buffer.from('{"purpose":"jobs-board-link","sub":"1","exp":9999999999}').toString('base64url')}.${ticket.split('.')[1]}`)}`),
      server().get('/jobs-board/api/queues').set('Cookie', `jobs_board=${ticket}`),
      server().get('/jobs-board/api/queues').set('Authorization', `Bearer ${users.admin.jwt}`),
    ]) {
      const res = await attempt;
      expect(res.status).toBe(401);
      expect(res.text).not.toMatch(/bull|queue/i);
    }

    // the link opens a session cookie scoped to the board, then drops the ticket from the address
    const opened = await server().get(path);
    expect(opened.status).toBe(302);
    expect(opened.headers.location).toBe('/jobs-board/');
    const setCookie = ([] as string[]).concat(opened.headers['set-cookie'] ?? []).find((c) => c.startsWith('jobs_board='));
    expect(setCookie).toMatch(/; path=\/jobs-board; .*samesite=strict; httponly/i);
    const cookie = setCookie!.split(';')[0];

    const page = await server().get('/jobs-board/').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<base href="/jobs-board/" />');
    const css = /href="(static\/css\/[^"]+)"/.exec(page.text)![1];
    expect((await server().get(`/jobs-board/${css}`).set('Cookie', cookie)).status).toBe(200);
    const api = await server().get('/jobs-board/api/queues').set('Cookie', cookie);
    expect(api.status).toBe(200);
    const queue = api.body.queues.find((q: { name: string }) => q.name === 'test');
    expect(queue.counts).toMatchObject({ failed: 1, completed: expect.any(Number) });
  });

  it('serves /metrics only with the METRICS_TOKEN bearer when one is set', async () => {
    expect((await server().get('/metrics')).status).toBe(401);
    expect((await server().get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401);
    expect((await server().get('/metrics').set('Authorization', `Bearer ${users.admin.jwt}`)).status).toBe(401);
    const ok = await server().get('/metrics').set('Authorization', 'Bearer metrics-token-for-tests');
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/^jobs_queue_depth\{queue="test"\} \d+$/m);
  });
});
