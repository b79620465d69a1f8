import { Client } from 'pg';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startProductionCms } from './helpers/strapi-start';
import { addTestJob, jobRecord, startWorkerProcess, waitFor, waitForStatus, type WorkerProcess } from './helpers/jobs';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';

// the test's own app only adds jobs and sets up; the CMS under test runs them inline
process.env.WORKERS = 'off';
process.env.JOBS_LOCK_DURATION_MS = '2000';
process.env.JOBS_STALLED_INTERVAL_MS = '1000';

const IN_FLIGHT = 8;

describe('CMS stopped with SIGTERM under load', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let cms: Awaited<ReturnType<typeof startProductionCms>> | undefined;
  let worker: WorkerProcess | undefined;
  let locker: Client | undefined;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    cms?.signal('SIGKILL');
    worker?.kill('SIGKILL');
    await Promise.all([cms?.exited, worker?.exited]);
    await locker?.end().catch(() => undefined);
    await app?.stop();
  });

  it('finishes every request in flight, takes no new connection, hands its running job back and exits 0', async () => {
    const publisher = await userToken(app.strapi, 'publisher');
    const tickets: string[] = [];
    for (let i = 0; i < IN_FLIGHT; i++) {
      const res = await request(app.strapi.server.httpServer)
        .post('/api/ticketing/tickets')
        .set('Authorization', `Bearer ${publisher}`)
        .send({ data: { type: 'bs-fault', form: bsFaultForm({ site_name: `sigterm-${i}` }) } });
      expect(res.status).toBe(201);
      tickets.push(res.body.data.documentId);
    }
    cms = await startProductionCms(app.db.url, { WORKERS: 'inline', JOBS_SHUTDOWN_TIMEOUT_MS: '20000', HTTP_SHUTDOWN_TIMEOUT_MS: '30000' });
    const { url } = cms;

    // a long job the CMS's own worker is running when the signal comes
    const job = await addTestJob(app.strapi, { mode: 'marker', steps: 60, delayMs: 100 });
    await waitFor('the CMS to run the job', async () => ((await jobRecord(app.strapi, job.documentId)).progress?.done ?? 0) >= 1, 30_000);

    // requests held inside the CMS: each update waits for its ticket's row lock, which the test holds
    locker = new Client({ connectionString: app.db.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM ticketing_tickets WHERE document_id = ANY($1) FOR UPDATE', [tickets]);
    const updates = tickets.map((id, i) =>
      fetch(`${url}/api/ticketing/tickets/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${publisher}` },
        body: JSON.stringify({ data: { version: 1, form: bsFaultForm({ site_name: `sigterm-${i}`, description: `updated during shutdown ${i}` }) } }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data: unknown } })),
    );
    const waiting = async () =>
      (await locker!.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n;
    await waitFor(`${IN_FLIGHT} updates waiting on their rows`, async () => (await waiting()) === IN_FLIGHT, 30_000);

    cms.signal('SIGTERM');
    // the listener closes at once: a new connection is refused while the old ones are served
    await waitFor('new connections to be refused', async () => {
      const refused = await fetch(`${url}/_health`).then(() => undefined, (error: { cause?: { code?: string } }) => error.cause?.code);
      return refused === 'ECONNREFUSED';
    }, 20_000, 50);
    await locker.query('COMMIT');

    const answers = await Promise.all(updates);
    expect(answers.map((a) => a.status)).toEqual(tickets.map(() => 200));
    answers.forEach((a, i) => expect(a.body.data).toMatchObject({ version: 2, form: { description: `updated during shutdown ${i}` } }));
    expect(await cms.exited).toEqual({ code: 0, signal: null });

    // the job went back to the queue, not lost and not failed; another worker finishes it once
    const handedBack = await jobRecord(app.strapi, job.documentId);
    expect(handedBack.status).toBe('queued');
    worker = await startWorkerProcess();
    const done = await waitForStatus(app.strapi, job.documentId, 'succeeded', 60_000);
    expect(done.result).toMatchObject({ applied: true });
    expect(await app.strapi.db.connection('test_queue_effects').where({ job_id: job.documentId })).toHaveLength(1);
  });
});
