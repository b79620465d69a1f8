import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startOwnRedis } from './helpers/redis-server';
import { addTestJob, jobRecord, waitFor, waitForStatus, type JobView } from './helpers/jobs';

// inline workers, one test job at a time, short locks: a job whose lock lapses while Redis
// is away is found stalled and run again
process.env.JOBS_CONCURRENCY_TEST = '1';
process.env.JOBS_LOCK_DURATION_MS = '2000';
process.env.JOBS_STALLED_INTERVAL_MS = '1000';

describe('jobs: Redis restarted mid-run', () => {
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    redis = await startOwnRedis();
    // the whole app (jobs, rate limits, readiness) talks to this Redis
    process.env.REDIS_URL = redis.url;
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    await redis?.destroy();
  });

  it('reconnects its workers and runs every pending job to the end', async () => {
    const jobs: JobView[] = [];
    for (let i = 0; i < 3; i++) jobs.push(await addTestJob(app.strapi, { mode: 'steps', steps: 8, delayMs: 150 }));
    await waitFor('the first job under way', async () => ((await jobRecord(app.strapi, jobs[0].documentId)).progress?.done ?? 0) >= 2);

    await redis.stop();
    // while Redis is away a new job cannot be queued: its record fails at once instead of
    // pretending to wait
    await expect(addTestJob(app.strapi, { mode: 'steps', steps: 1 })).rejects.toThrow(/could not queue a test job/);
    const refused = await app.strapi.db.connection('jobs_jobs').orderBy('id', 'desc').first();
    expect(refused).toMatchObject({ state: 'failed', error: expect.stringMatching(/^Not queued: /) });
    // queue figures come from Redis: the scrape says it cannot have them
    expect((await request(app.strapi.server.httpServer).get('/metrics')).status).toBe(503);
    await new Promise((r) => setTimeout(r, 2500));
    await redis.start();

    for (const job of jobs) {
      const done = await waitForStatus(app.strapi, job.documentId, 'succeeded', 45_000);
      expect(done).toMatchObject({ progress: { done: 8, total: 8 }, result: { steps: 8 } });
    }
    // and new jobs queue and run as before
    const after = await addTestJob(app.strapi, { mode: 'steps', steps: 2, delayMs: 10 });
    await waitForStatus(app.strapi, after.documentId, 'succeeded', 20_000);
    expect((await request(app.strapi.server.httpServer).get('/metrics')).text).toMatch(/^jobs_queue_depth\{queue="test"\} 0$/m);
  });
});
