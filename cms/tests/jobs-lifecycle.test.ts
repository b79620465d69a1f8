import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { addTestJob, jobRecord, waitFor, waitForStatus } from './helpers/jobs';

// workers run inside this Strapi (WORKERS=inline, the default); one test job at a time
process.env.JOBS_CONCURRENCY_TEST = '1';
process.env.JOBS_ATTEMPTS = '3';
process.env.JOBS_BACKOFF_MS = '100';

describe('jobs: records follow BullMQ through a job’s life', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const strapi = () => app.strapi;
  const db = () => app.strapi.db.connection;
  const runsOf = async (id: string) => (await db()('test_queue_runs').where({ job_id: id }).orderBy('id')) as { attempt: number; pid: number }[];
  const bullJob = (id: string) => strapi().plugin('jobs').service('queues').queue('test').getJob(id);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('writes the record when added, started, on progress (at most once a second) and on success', async () => {
    const records = strapi().plugin('jobs').service('records');
    const progressWrites = jest.spyOn(records, 'progress');
    const began = Date.now();
    const added = await addTestJob(strapi(), { mode: 'steps', steps: 10, delayMs: 150 }, null);
    expect(added).toMatchObject({ kind: 'test', status: 'queued', attempts: 0, progress: null, result: null, params: { mode: 'steps', steps: 10 } });
    expect(added.documentId).toMatch(/^[a-z0-9]{20,}$/);
    expect((await bullJob(added.documentId))?.data).toEqual({ params: { mode: 'steps', steps: 10, delayMs: 150 } });

    const running = await waitFor('progress on the record', async () => {
      const r = await jobRecord(strapi(), added.documentId);
      return r.status === 'running' && r.progress ? r : undefined;
    });
    expect(running.attempts).toBe(1);
    expect(running.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    expect(running.progress!.done).toBeLessThan(10);

    const done = await waitForStatus(strapi(), added.documentId, 'succeeded');
    const seconds = (Date.now() - began) / 1000;
    expect(done).toMatchObject({ progress: { done: 10, total: 10, message: 'step 10 of 10' }, result: { steps: 10, attempt: 1 }, error: null, attempts: 1 });
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!));
    // ten reports over ~1.5 s: the first at once, then at most one a second, and the last one
    const writes = progressWrites.mock.calls.filter(([id]) => id === added.documentId);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(Math.floor(seconds) + 2);
    expect(writes.length).toBeLessThan(10);
    expect(writes.at(-1)![1]).toEqual({ done: 10, total: 10, message: 'step 10 of 10' });
    expect((await bullJob(added.documentId))?.progress).toEqual({ done: 10, total: 10, message: 'step 10 of 10' });
    progressWrites.mockRestore();
  });

  it('retries a failing job with backoff and records the success of its third attempt', async () => {
    const job = await addTestJob(strapi(), { mode: 'flaky', failTimes: 2 });
    const seenRetrying = waitFor('the record back in the queue after a failed attempt', async () => {
      const r = await jobRecord(strapi(), job.documentId);
      return r.status === 'queued' && r.error?.startsWith('flaky failure') ? r : undefined;
    }, 10_000, 10);
    await expect(seenRetrying).resolves.toMatchObject({ status: 'queued' });
    const done = await waitForStatus(strapi(), job.documentId, 'succeeded');
    expect(done).toMatchObject({ attempts: 3, result: { attempt: 3 }, error: null });
    expect((await runsOf(job.documentId)).map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('fails a job for good once its attempts are spent', async () => {
    const job = await addTestJob(strapi(), { mode: 'flaky', failTimes: 5 });
    const failed = await waitForStatus(strapi(), job.documentId, 'failed');
    expect(failed).toMatchObject({ attempts: 3, error: 'flaky failure on attempt 3' });
    expect(await (await bullJob(job.documentId))?.getState()).toBe('failed');
  });

  it('fails an UnrecoverableError at once, without retries', async () => {
    const job = await addTestJob(strapi(), { mode: 'invalid', input: 'ticket:nope' });
    const failed = await waitForStatus(strapi(), job.documentId, 'failed');
    expect(failed).toMatchObject({ attempts: 1, error: 'invalid input: "ticket:nope"' });
    await new Promise((r) => setTimeout(r, 600)); // several backoff delays: no retry comes
    expect(await runsOf(job.documentId)).toHaveLength(1);
    expect((await jobRecord(strapi(), job.documentId)).status).toBe('failed');
  });

  it('cancels a waiting job by removing it, and a running one at its next step boundary', async () => {
    const jobs = strapi().plugin('jobs').service('jobs');
    const admin = { userId: null, role: 'admin' };
    const long = await addTestJob(strapi(), { mode: 'steps', steps: 40, delayMs: 100 });
    await waitForStatus(strapi(), long.documentId, 'running');
    // concurrency 1: this one waits behind the long one
    const waiting = await addTestJob(strapi(), { mode: 'steps', steps: 1 });
    expect(await (await bullJob(waiting.documentId))?.getState()).toBe('waiting');

    const w = await jobs.cancel(waiting.documentId, admin);
    expect(w).toMatchObject({ pending: false, record: { status: 'cancelled', cancelRequested: true } });
    expect(await bullJob(waiting.documentId)).toBeUndefined();

    const r = await jobs.cancel(long.documentId, admin);
    expect(r).toMatchObject({ pending: true, record: { status: 'running', cancelRequested: true } });
    const cancelled = await waitForStatus(strapi(), long.documentId, 'cancelled', 5000);
    expect(cancelled.progress!.done).toBeLessThan(40);
    expect(cancelled.finishedAt).not.toBeNull();
    expect(await (await bullJob(long.documentId))?.getState()).toBe('failed');
    // cancelled jobs are not retried, and the waiting one never ran
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await runsOf(long.documentId)).toHaveLength(1);
    expect(await runsOf(waiting.documentId)).toHaveLength(0);
    // cancelling again is a no-op; a finished job cannot be cancelled
    expect(await jobs.cancel(long.documentId, admin)).toMatchObject({ pending: false, record: { status: 'cancelled' } });
    const finished = await addTestJob(strapi(), { mode: 'steps', steps: 1, delayMs: 1 });
    await waitForStatus(strapi(), finished.documentId, 'succeeded');
    await expect(jobs.cancel(finished.documentId, admin)).rejects.toThrow(/already succeeded/);
  });

  it('reconciles records that drifted from BullMQ', async () => {
    const done = await addTestJob(strapi(), { mode: 'steps', steps: 1, delayMs: 1 });
    await waitForStatus(strapi(), done.documentId, 'succeeded');
    const lost = await addTestJob(strapi(), { mode: 'steps', steps: 1, delayMs: 1 });
    await waitForStatus(strapi(), lost.documentId, 'succeeded');
    await (await bullJob(lost.documentId))!.remove();
    // as if the process died between BullMQ's commit and the record write
    await db()('jobs_jobs').whereIn('document_id', [done.documentId, lost.documentId]).update({ state: 'running', result: null, finished_at: null });

    expect(await strapi().plugin('jobs').service('workers').reconcile(0)).toBe(2);
    expect(await jobRecord(strapi(), done.documentId)).toMatchObject({ status: 'succeeded', result: { steps: 1, attempt: 1 } });
    expect(await jobRecord(strapi(), lost.documentId)).toMatchObject({ status: 'failed', error: 'Lost: the job is no longer in its queue' });
  });

  it('refuses unknown kinds and payloads that are not ids', async () => {
    await expect(strapi().plugin('jobs').service('jobs').add('nope', {})).rejects.toThrow(/Unknown job kind "nope"/);
    await expect(addTestJob(strapi(), { mode: 'steps', image: 'x'.repeat(20_000) })).rejects.toThrow(/over the 16384-byte limit: pass ids/);
  });

  it('serves queue depth, job counts and durations on GET /metrics', async () => {
    const res = await request(strapi().server.httpServer).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^jobs_queue_depth\{queue="test"\} 0$/m);
    expect(res.text).toMatch(/^jobs_queue_jobs\{queue="test",state="failed"\} [1-9]/m);
    expect(res.text).toMatch(/^# TYPE jobs_duration_seconds histogram$/m);
    // succeeded in this file: steps, flaky, finished, done, lost (reconcile tests)
    const count = Number(/^jobs_duration_seconds_count\{queue="test",outcome="succeeded"\} (\d+)$/m.exec(res.text)?.[1]);
    expect(count).toBeGreaterThanOrEqual(5);
    expect(res.text).toMatch(/^jobs_duration_seconds_bucket\{queue="test",outcome="cancelled",le="\+Inf"\} 1$/m);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('hands a running job back on a graceful restart and runs it to the end afterwards', async () => {
    const job = await addTestJob(strapi(), { mode: 'steps', steps: 20, delayMs: 100 });
    await waitFor('the job under way', async () => ((await jobRecord(strapi(), job.documentId)).progress?.done ?? 0) >= 2);
    await app.restart();
    // the old process stopped it at a step boundary; the new one takes it from the queue
    const runs = await waitFor('a second run', async () => ((await runsOf(job.documentId)).length === 2 ? runsOf(job.documentId) : undefined));
    expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
    expect(await waitForStatus(strapi(), job.documentId, 'succeeded')).toMatchObject({ attempts: 2, result: { steps: 20, attempt: 2 } });
  });
});
