import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { jobRecord, startWorkerProcess, waitFor, waitForStatus, type WorkerProcess } from './helpers/jobs';
import { userToken } from './helpers/users';
import { postImport } from './helpers/excel-imports';

const { writeBsFaultWorkbook } = require('../../plugins/excel-io/bench/bs-fault-workbook') as {
  writeBsFaultWorkbook(file: string, rows: number, badShare?: number): Promise<{ rows: number; valid: number; bad: number; headerRow: number }>;
};

// this Strapi only adds jobs; worker processes run them. Short locks: a killed worker's job is
// found stalled within seconds. Small batches: the file takes many saved steps.
process.env.WORKERS = 'off';
process.env.JOBS_LOCK_DURATION_MS = '2000';
process.env.JOBS_STALLED_INTERVAL_MS = '1000';
process.env.IMPORT_BATCH_SIZE = '500';

const ROWS = 20_000;

describe('Import job whose worker is killed mid-file', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const workers: WorkerProcess[] = [];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'excel-crash-')), 'faults.xlsx');
  let expected: { valid: number; bad: number };

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    expected = await writeBsFaultWorkbook(file, ROWS);
    app = await startTestApp();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await app?.stop();
    await s3?.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('is finished by another worker process from the saved step: every valid row created exactly once, with one audit entry each', async () => {
    const publisher = await userToken(app.strapi, 'publisher');
    const first = await startWorkerProcess();
    workers.push(first);
    const started = await postImport(app.strapi, publisher, fs.readFileSync(file), 'faults.xlsx');
    expect(started.status).toBe(202);
    const id = started.body.data.documentId as string;
    const db = app.strapi.db.connection;
    const created = async () => Number((await db('ticketing_tickets').where({ import_job: id }).count({ n: '*' }))[0].n);

    // some batches written, far from all: then the worker dies without a word
    const done = await waitFor('the first worker to write a batch', async () => {
      const progress = (await jobRecord(app.strapi, id)).progress;
      return progress && progress.done >= 500 ? progress.done : undefined;
    }, 120_000, 20);
    first.kill('SIGKILL');
    await first.exited;
    const atKill = await created();
    expect(done).toBeLessThan(ROWS);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(expected.valid);

    const second = await startWorkerProcess();
    workers.push(second);
    const finished = await waitForStatus(app.strapi, id, 'succeeded', 180_000);
    expect(finished.attempts).toBeGreaterThanOrEqual(2);
    expect(finished.result.counts).toMatchObject({ rows: ROWS, created: expected.valid, rejected: expected.bad });

    const rows = await db('ticketing_tickets').where({ import_job: id }).select('import_row');
    expect(rows.length).toBe(expected.valid);
    expect(new Set(rows.map((r: { import_row: number }) => r.import_row)).size).toBe(expected.valid);
    const audits = await db('ticketing_audit_logs').where({ action: 'import' }).whereRaw(`meta->>'job' = ?`, [id]).count({ n: '*' });
    expect(Number(audits[0].n)).toBe(expected.valid);
    const rejected = await db('excel_io_import_rows').where({ job_id: id, verdict: 'rejected' }).count({ n: '*' });
    expect(Number(rejected[0].n)).toBe(expected.bad);
  });
});
