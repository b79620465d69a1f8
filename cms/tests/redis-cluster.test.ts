import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createAccount, roleWith, type Account } from './helpers/accounts';
import { createTestDatabase, dropTestDatabase } from './helpers/database';
import { addTestJob, jobRecord, startWorkerProcess, waitFor, waitForStatus, type WorkerProcess } from './helpers/jobs';
import { keysOnNode, startRedisCluster, withNode } from './helpers/redis-cluster';
import { bootStrapi, shutdownStrapi } from './helpers/strapi';
import { startStrapiProcess } from './helpers/strapi-process';
import { adminToken, userToken } from './helpers/users';

// the whole platform on a three-master Redis Cluster: nothing listens at REDIS_URL, so a
// connection made without the factory fails instead of finding the machine's own Redis
process.env.REDIS_URL = 'redis://127.0.0.1:1';
// this Strapi adds jobs and serves logins; a `npm run worker` process runs the jobs
process.env.WORKERS = 'off';
process.env.JOBS_CONCURRENCY_TEST = '1';
process.env.JOBS_ATTEMPTS = '3';
process.env.JOBS_BACKOFF_MS = '100';
// a minute of TTL: only an announcement over the cluster's pub/sub refreshes another process's types
process.env.TYPE_CACHE_TTL_MS = '60000';

const MAX_FAILED_LOGINS = 10;

let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let strapi: Core.Strapi | undefined;
let worker: WorkerProcess | undefined;
let alice: Account;
let bob: Account;

const app = () => strapi as Core.Strapi;
const http = () => request(app().server.httpServer);
const prefix = () => process.env.REDIS_PREFIX as string;
const runsOf = async (id: string) => (await app().db.connection('test_queue_runs').where({ job_id: id }).orderBy('id')) as { attempt: number; pid: number }[];

/** This run's keys, per master port. */
async function keysByMaster(): Promise<Map<number, string[]>> {
  return new Map(await Promise.all(cluster.ports.map(async (port) => [port, await keysOnNode(port, prefix())] as [number, string[]])));
}
const allKeys = async () => [...(await keysByMaster()).values()].flat();

const login = (account: Account, password = account.password, deviceId?: string) =>
  http()
    .post('/api/auth/local')
    .send({ identifier: account.identifier, password, ...(deviceId ? { deviceId } : {}) });
const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });
const me = (jwt: string) => http().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);

beforeAll(async () => {
  cluster = await startRedisCluster();
  process.env.REDIS_CLUSTER_NODES = cluster.nodes;
  db = await createTestDatabase();
  strapi = await bootStrapi(db.url);
  worker = await startWorkerProcess();
  const role = await roleWith(app(), 'cluster-tester', ['plugin::users-permissions.user.me']);
  alice = await createAccount(app(), role.id);
  bob = await createAccount(app(), role.id);
});

afterAll(async () => {
  worker?.kill('SIGTERM');
  await worker?.exited;
  if (strapi) await shutdownStrapi(strapi);
  if (db) await dropTestDatabase(db.name);
  await cluster?.destroy();
});

describe('readiness', () => {
  it('/_ready answers 200 with the cluster as its Redis', async () => {
    expect((await http().get('/_ready')).status).toBe(200);
  });
});

describe('the job lifecycle on the cluster', () => {
  it('a job added here is run by the worker process and its result recorded', async () => {
    const added = await addTestJob(app(), { mode: 'steps', steps: 3, delayMs: 20 });
    expect(added).toMatchObject({ kind: 'test', status: 'queued' });
    const done = await waitForStatus(app(), added.documentId, 'succeeded');
    expect(done).toMatchObject({ attempts: 1, result: { steps: 3, attempt: 1 }, progress: { done: 3, total: 3 }, error: null });
    expect((await runsOf(added.documentId)).map((r) => r.pid)).toEqual([worker!.pid]);

    // BullMQ keeps the job under the queue's hash tag, on the one master serving that slot
    const jobKey = `${prefix()}jobs:{test}:test:${added.documentId}`;
    const owner = await cluster.masterOf(jobKey);
    for (const [port, keys] of await keysByMaster()) expect(keys.includes(jobKey)).toBe(port === owner);
    const state = await app().plugin('jobs').service('queues').queue('test').getJob(added.documentId);
    expect(await state?.getState()).toBe('completed');
  });

  it('a failing job is retried with backoff and its third attempt succeeds', async () => {
    const job = await addTestJob(app(), { mode: 'flaky', failTimes: 2 });
    const done = await waitForStatus(app(), job.documentId, 'succeeded');
    expect(done).toMatchObject({ attempts: 3, result: { attempt: 3 }, error: null });
    expect((await runsOf(job.documentId)).map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('a job failing every attempt ends failed, with its last error', async () => {
    const job = await addTestJob(app(), { mode: 'flaky', failTimes: 5 });
    const failed = await waitForStatus(app(), job.documentId, 'failed');
    expect(failed).toMatchObject({ attempts: 3, error: 'flaky failure on attempt 3' });
    expect((await jobRecord(app(), job.documentId)).status).toBe('failed');
  });
});

describe('auth flows on the cluster', () => {
  it('login, then refresh rotation: each refresh token works once', async () => {
    const first = await login(alice);
    expect(first.status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await me(third.body.jwt)).status).toBe(200);
  });

  it('a rotated-out refresh token presented again is refused and revokes its family', async () => {
    const other = await login(alice, alice.password, 'alice-phone');
    const first = await login(alice, alice.password, 'alice-tablet');
    const second = await refresh(first.body.refreshToken);
    const third = await refresh(second.body.refreshToken);
    expect([other.status, first.status, second.status, third.status]).toEqual([200, 200, 200, 200]);

    const reuse = await refresh(first.body.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.message).toMatch(/reuse/);
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await me(third.body.jwt)).status).toBe(401);
    expect((await me(first.body.jwt)).status).toBe(401);
    // the other device is another family
    expect((await me(other.body.jwt)).status).toBe(200);
    expect((await refresh(other.body.refreshToken)).status).toBe(200);

    // the revocation marks (several sessions, written without a MULTI) are in the cluster
    const keys = await allKeys();
    expect(keys).toContain(`${prefix()}auth:revoked-family:${alice.id}:alice-tablet`);
    expect(keys.filter((k) => k.startsWith(`${prefix()}auth:revoked-session:`)).length).toBeGreaterThanOrEqual(2);
  });

  it(`counts failed logins: the ${MAX_FAILED_LOGINS + 1}th is 429 even with the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) expect((await login(bob, 'wrong-password')).status).toBe(400);
    const refused = await login(bob);
    expect(refused.status).toBe(429);
    expect(refused.body.error.name).toBe('RateLimitError');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // the one count left (alice's logins succeeded, which gives points back): bob's eleven tries
    const counts: string[] = [];
    for (const [port, keys] of await keysByMaster()) {
      for (const key of keys.filter((k) => k.startsWith(`${prefix()}auth:rl:login-failures:`))) counts.push((await withNode(port, (node) => node.get(key))) as string);
    }
    expect(counts).toEqual([String(MAX_FAILED_LOGINS + 1)]);
  });
});

describe('ticket-type changes announced over the cluster', () => {
  it('an edit made here reaches another CMS process through pub/sub', async () => {
    const other = await startStrapiProcess(db!.url, { WORKERS: 'off' });
    try {
      const viewer = await userToken(app(), 'viewer');
      const schemaThere = () => request(other.url).get('/api/ticketing/ticket-types/bs-fault/schema?locale=en').set('Authorization', `Bearer ${viewer}`);
      const warm = await schemaThere();
      expect(warm.status).toBe(200);
      expect(warm.body.data.schema.properties.rack_no).toBeUndefined();

      const before = await app().db.query('plugin::ticketing.ticket-type').findOne({ where: { key: 'bs-fault' } });
      const fields = [...before.fields, { key: 'rack_no', type: 'string', label: { 'zh-CN': '机架号', en: 'Rack number' } }];
      const edited = await http()
        .put(`/content-manager/collection-types/plugin::ticketing.ticket-type/${before.documentId}`)
        .set('Authorization', `Bearer ${await adminToken(app())}`)
        .send({ ...before, fields });
      expect(edited.status).toBe(200);
      // well inside the TTL: the other process only knows because the change was announced
      await waitFor('the other process to serve the new field', async () => (await schemaThere()).body.data?.schema.properties.rack_no, 10_000);
    } finally {
      await other.stop();
    }
  });
});

describe('the keys', () => {
  it('of this run are spread over every master of the cluster', async () => {
    const byMaster = await keysByMaster();
    for (const port of cluster.ports) expect(byMaster.get(port)!.length).toBeGreaterThan(0);
    // the queues too: each queue's keys sit on the master of its own hash tag
    const mastersWithQueueKeys = [...byMaster.values()].filter((keys) => keys.some((k) => k.startsWith(`${prefix()}jobs:{`)));
    expect(mastersWithQueueKeys.length).toBeGreaterThan(1);
  });
});
