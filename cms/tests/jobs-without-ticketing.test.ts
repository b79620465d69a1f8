import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { addTestJob, userWithToken, waitForStatus } from './helpers/jobs';

// The jobs plugin builds on the access plugin alone: boot the app without ticketing (and
// without the plugins that need it), on a roles file that names no ticketing action.
const ROLES = `
rights:
  account: [plugin::users-permissions.user.me, plugin::users-permissions.auth.logout]
  jobs.read: [plugin::jobs.jobs.find, plugin::jobs.jobs.findOne]
  jobs.cancel: [plugin::jobs.jobs.cancel]
  jobs.manage: [plugin::jobs.jobs.boardLink]
roles:
  viewer: { name: Viewer, rights: [account, jobs.read] }
  # "admin": the role the jobs test helpers read records as
  admin: { name: Admin, rights: [account, jobs.read, jobs.cancel, jobs.manage] }
public: [plugin::users-permissions.auth.callback, plugin::users-permissions.auth.refresh, plugin::users-permissions.auth.logout]
`;

const OFFSET_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;

describe('the jobs plugin without the ticketing plugin', () => {
  const saved = { off: process.env.TEST_PLUGINS_OFF, dir: process.env.TICKETING_CONFIG_DIR };
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const users = {} as Record<'viewer' | 'admin', { id: number; jwt: string }>;
  const as = (who: 'viewer' | 'admin', method: 'get' | 'post', url: string) =>
    request(app.strapi.server.httpServer)[method](url).set('Authorization', `Bearer ${users[who].jwt}`);

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roles-jobs-only-'));
    fs.writeFileSync(path.join(dir, 'roles.yaml'), ROLES);
    process.env.TICKETING_CONFIG_DIR = dir;
    process.env.TEST_PLUGINS_OFF = 'ticketing,ocr,test-geo-point';
    app = await startTestApp();
    users.viewer = await userWithToken(app.strapi, 'viewer');
    users.admin = await userWithToken(app.strapi, 'admin');
  });
  afterAll(async () => {
    await app?.stop();
    for (const [name, value] of [['TEST_PLUGINS_OFF', saved.off], ['TICKETING_CONFIG_DIR', saved.dir]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('boots with access and jobs but no ticketing or OCR', () => {
    const loaded = Object.keys(app.strapi.plugins);
    expect(loaded).toEqual(expect.arrayContaining(['access', 'jobs', 'test-queue']));
    expect(loaded).not.toContain('ticketing');
    expect(loaded).not.toContain('ocr');
  });

  it('enforces the rights of the roles file on the jobs routes', async () => {
    const job = await addTestJob(app.strapi, { mode: 'steps', steps: 1, delayMs: 1 }, users.viewer.id);
    await waitForStatus(app.strapi, job.documentId, 'succeeded');

    expect((await request(app.strapi.server.httpServer).get('/api/jobs')).status).toBe(401);
    const own = await as('viewer', 'get', '/api/jobs');
    expect(own.status).toBe(200);
    expect(own.body.data.map((j: { documentId: string }) => j.documentId)).toEqual([job.documentId]);
    expect(own.body.data[0].finishedAt).toMatch(OFFSET_TIMESTAMP);
    expect(own.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    expect((await as('viewer', 'get', '/api/jobs?pageSize=101')).body.error).toMatchObject({ status: 400, name: 'ValidationError' });

    // no jobs.cancel: Users & Permissions refuses, named by the right; no jobs.manage: the policy refuses
    const cancel = await as('viewer', 'post', `/api/jobs/${job.documentId}/cancel`);
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.message).toBe('Missing right jobs.cancel');
    const board = await as('viewer', 'get', '/api/jobs/board-link');
    expect(board.status).toBe(403);
    expect(board.body.error.message).toBe('Missing right jobs.manage');

    // jobs.manage sees every job; a finished job cannot be cancelled
    const found = await as('admin', 'get', `/api/jobs/${job.documentId}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ documentId: job.documentId, status: 'succeeded', creator: { id: users.viewer.id } });
    const finished = await as('admin', 'post', `/api/jobs/${job.documentId}/cancel`);
    expect(finished.status).toBe(409);
    expect(finished.body).toEqual({
      data: null,
      error: { status: 409, name: 'ConflictError', message: `Job ${job.documentId} has already succeeded`, details: { status: 'succeeded' } },
    });
    const link = await as('admin', 'get', '/api/jobs/board-link');
    expect(link.status).toBe(200);
    expect(link.body.data.expiresAt).toMatch(OFFSET_TIMESTAMP);
    expect((await as('admin', 'get', '/api/jobs/nosuchjob000000000000000')).body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
  });
});
