import { startTestApp } from './helpers/strapi';
import { addTestJob, jobRecord, startWorkerProcess, waitFor, waitForStatus, type WorkerProcess } from './helpers/jobs';

// this Strapi only adds jobs; `npm run worker` processes run them. Short locks so a dead
// worker's job is found stalled in seconds; a short shutdown timeout.
process.env.WORKERS = 'off';
process.env.JOBS_CONCURRENCY_TEST = '2';
process.env.JOBS_LOCK_DURATION_MS = '2000';
process.env.JOBS_STALLED_INTERVAL_MS = '1000';
process.env.JOBS_SHUTDOWN_TIMEOUT_MS = '2000';

describe('jobs: worker processes under faults', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const workers: WorkerProcess[] = [];
  const db = () => app.strapi.db.connection;
  const runsOf = async (id: string) => (await db()('test_queue_runs').where({ job_id: id }).orderBy('id')) as { pid: number; attempt: number; from_step: number }[];
  const bullState = async (id: string) => (await app.strapi.plugin('jobs').service('queues').queue('test').getJob(id))?.getState();
  const worker = async () => {
    const w = await startWorkerProcess();
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await app?.stop();
  });

  it('runs nothing in a process with WORKERS=off', async () => {
    expect(app.strapi.plugin('jobs').service('workers').isRunning()).toBe(false);
    const job = await addTestJob(app.strapi, { mode: 'steps', steps: 1, delayMs: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await jobRecord(app.strapi, job.documentId)).status).toBe('queued');
    expect(await bullState(job.documentId)).toBe('waiting');
    // a worker process picks it up
    const w = await worker();
    expect((await waitForStatus(app.strapi, job.documentId, 'succeeded')).result).toEqual({ steps: 1, attempt: 1 });
    expect((await runsOf(job.documentId)).map((r) => r.pid)).toEqual([w.pid]);
    w.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
  });

  it('hands a job whose worker was SIGKILLed to another worker process, which finishes it exactly once', async () => {
    const first = await worker();
    const job = await addTestJob(app.strapi, { mode: 'marker', steps: 12, delayMs: 250 });
    await waitFor('a few steps done by the first worker', async () => ((await jobRecord(app.strapi, job.documentId)).progress?.done ?? 0) >= 3);
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // nobody is left to say so: the record still reads running, BullMQ still active
    expect((await jobRecord(app.strapi, job.documentId)).status).toBe('running');

    const second = await worker();
    const done = await waitForStatus(app.strapi, job.documentId, 'succeeded', 40_000);
    expect(done).toMatchObject({ attempts: 2, progress: { done: 12, total: 12 }, result: { applied: true, pid: second.pid } });
    const runs = await runsOf(job.documentId);
    expect(runs.map((r) => r.pid)).toEqual([first.pid, second.pid]);
    // the second run resumed from the step the first one saved, not from the start
    expect(runs[1].from_step).toBeGreaterThanOrEqual(3);
    const effects = await db()('test_queue_effects').where({ job_id: job.documentId });
    expect(effects).toEqual([expect.objectContaining({ pid: second.pid })]);
  });

  it('stops on SIGTERM within its timeout and leaves no job running: both go back to the queue', async () => {
    const w = workers.at(-1)!;
    const stepping = await addTestJob(app.strapi, { mode: 'steps', steps: 30, delayMs: 100 });
    // no step boundary at all: only the shutdown timeout gets it back
    const blocking = await addTestJob(app.strapi, { mode: 'block', ms: 20_000, againMs: 100 });
    await waitForStatus(app.strapi, stepping.documentId, 'running');
    await waitForStatus(app.strapi, blocking.documentId, 'running');

    const signalled = Date.now();
    w.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    // the shutdown timeout (2 s) and Strapi's own teardown, not the 20 s the blocking job wanted
    expect(Date.now() - signalled).toBeLessThan(10_000);

    const s = await jobRecord(app.strapi, stepping.documentId);
    const b = await jobRecord(app.strapi, blocking.documentId);
    expect(s).toMatchObject({ status: 'queued', error: 'Interrupted: the worker is shutting down' });
    expect(b).toMatchObject({ status: 'queued', error: expect.stringMatching(/^Interrupted: the worker stopped before/) });
    expect(s.progress!.done).toBeLessThan(30);
    const running = await db()('jobs_jobs').where({ state: 'running' }).count({ n: '*' });
    expect(Number(running[0].n)).toBe(0);
    expect(await bullState(stepping.documentId)).toBe('waiting');
    expect(await bullState(blocking.documentId)).toBe('waiting');

    // the next worker runs both to the end
    const next = await worker();
    await waitForStatus(app.strapi, stepping.documentId, 'succeeded', 30_000);
    await waitForStatus(app.strapi, blocking.documentId, 'succeeded', 30_000);
    expect((await runsOf(blocking.documentId)).map((r) => r.pid)).toEqual([w.pid, next.pid]);
    expect((await jobRecord(app.strapi, blocking.documentId)).result).toEqual({ blocked: 100 });
    next.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
  });
});
