import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createAccount, roleWith, type Account } from './helpers/accounts';
import { createTestDatabase, dropTestDatabase } from './helpers/database';
import { addTestJob, waitFor, waitForStatus } from './helpers/jobs';
import { keysOnNode, withNode } from './helpers/redis-cluster';
import { SENTINEL_NAME, startRedisSentinel } from './helpers/redis-sentinel';
import { bootStrapi, shutdownStrapi } from './helpers/strapi';

// the primary is found through the sentinel: nothing listens at REDIS_URL
process.env.REDIS_URL = 'redis://127.0.0.1:1';
process.env.REDIS_SENTINEL_NAME = SENTINEL_NAME;
process.env.JOBS_CONCURRENCY_TEST = '1';

let redis: Awaited<ReturnType<typeof startRedisSentinel>>;
let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let strapi: Core.Strapi | undefined;
let alice: Account;

const app = () => strapi as Core.Strapi;
const http = () => request(app().server.httpServer);
const prefix = () => process.env.REDIS_PREFIX as string;
const login = (deviceId: string) => http().post('/api/auth/local').send({ identifier: alice.identifier, password: alice.password, deviceId });
const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });

beforeAll(async () => {
  redis = await startRedisSentinel();
  process.env.REDIS_SENTINELS = redis.sentinels;
  db = await createTestDatabase();
  strapi = await bootStrapi(db.url);
  const role = await roleWith(app(), 'sentinel-tester', ['plugin::users-permissions.user.me']);
  alice = await createAccount(app(), role.id);
});

afterAll(async () => {
  if (strapi) await shutdownStrapi(strapi);
  if (db) await dropTestDatabase(db.name);
  await redis?.destroy();
});

describe('Redis behind a sentinel', () => {
  let rotatedOut: string;
  let live: string;

  it('runs jobs and rotates refresh tokens on the primary the sentinel names', async () => {
    const job = await addTestJob(app(), { mode: 'steps', steps: 2, delayMs: 10 });
    expect(await waitForStatus(app(), job.documentId, 'succeeded')).toMatchObject({ attempts: 1, result: { steps: 2, attempt: 1 } });
    // one server's key names: no hash tags without a cluster
    expect(await keysOnNode(redis.primary, `${prefix()}jobs:test:${job.documentId}`)).toEqual([`${prefix()}jobs:test:${job.documentId}`]);

    const first = await login('alice-laptop');
    expect(first.status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    rotatedOut = first.body.refreshToken;
    live = second.body.refreshToken;
    expect((await keysOnNode(redis.primary, `${prefix()}auth:refresh-used:`)).length).toBeGreaterThan(0);
  });

  it('follows a failover to the promoted replica: jobs and logins go on, and reuse marks survive it', async () => {
    // everything written so far is on the replica before it is promoted
    await withNode(redis.primary, (node) => node.call('WAIT', '1', '5000'));
    await redis.failover();
    expect(await redis.primaryPort()).toBe(redis.replica);

    const again = await waitFor('a login through the new primary', async () => {
      const res = await login('alice-phone');
      return res.status === 200 ? res : undefined;
    }, 20_000, 200);
    expect(again.body.refreshToken).toEqual(expect.any(String));

    const job = await addTestJob(app(), { mode: 'steps', steps: 2, delayMs: 10 });
    expect((await waitForStatus(app(), job.documentId, 'succeeded')).result).toEqual({ steps: 2, attempt: 1 });
    expect(await keysOnNode(redis.replica, `${prefix()}jobs:test:${job.documentId}`)).toHaveLength(1);

    // the token rotated out before the failover is still known as presented: a reuse
    const reuse = await refresh(rotatedOut);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.message).toMatch(/reuse/);
    expect((await refresh(live)).status).toBe(401);
  });
});
