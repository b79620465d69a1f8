import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { startOcrService } from './helpers/ocr-service';
import { jobRecord, startWorkerProcess, waitFor, waitForStatus, type WorkerProcess } from './helpers/jobs';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';

const devDir = path.resolve(__dirname, '..', '..', 'ocr-service', 'test', 'fixtures', 'dev');
const PHOTOS = ['dev-004.jpg', 'dev-005.jpg', 'dev-013.jpg', 'dev-017.jpg', 'dev-020.jpg', 'dev-029.jpg'];

// this Strapi only adds jobs; worker processes run them. Short locks: a killed worker's job is
// found stalled within seconds. One photo per OCR request, so the job has many steps.
process.env.WORKERS = 'off';
process.env.JOBS_LOCK_DURATION_MS = '2000';
process.env.JOBS_STALLED_INTERVAL_MS = '1000';
process.env.OCR_BATCH_SIZE = '1';

describe('OCR job whose worker is killed mid-job', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let ocr: Awaited<ReturnType<typeof startOcrService>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    s3 = await startS3Server();
    ocr = await startOcrService();
    Object.assign(process.env, s3.env, { OCR_URL: ocr.url });
    app = await startTestApp();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await app?.stop();
    await ocr?.stop();
    await s3?.stop();
  });

  it('is finished by another worker process, each photo read into exactly one result', async () => {
    const publisher = await userToken(app.strapi, 'publisher');
    const api = () => request(app.strapi.server.httpServer);
    const created = await api()
      .post('/api/ticketing/tickets')
      .set('Authorization', `Bearer ${publisher}`)
      .send({ data: { type: 'bs-fault', form: bsFaultForm() } });
    const ticket = created.body.data.documentId as string;
    const upload = api().post(`/api/ticketing/tickets/${ticket}/images`).set('Authorization', `Bearer ${publisher}`);
    for (const name of PHOTOS) upload.attach('files', fs.readFileSync(path.join(devDir, name)), name);
    const photoIds = (await upload).body.data.map((p: { id: string }) => p.id);

    const first = await startWorkerProcess();
    workers.push(first);
    const job = (await api().post('/api/ocr/jobs').set('Authorization', `Bearer ${publisher}`).send({ data: { ticket } })).body.data;
    const savedSteps = await waitFor(
      'the first worker to read a photo',
      async () => (await jobRecord(app.strapi, job.documentId)).progress?.done,
      60_000,
    );
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const partial = await app.strapi.db.connection('ocr_results').where({ ticket_id: ticket });
    expect(partial.length).toBeGreaterThanOrEqual(1);
    expect(partial.length).toBeLessThan(PHOTOS.length);

    const second = await startWorkerProcess();
    workers.push(second);
    const done = await waitForStatus(app.strapi, job.documentId, 'succeeded', 120_000);
    expect(done).toMatchObject({ attempts: 2, progress: { done: PHOTOS.length, total: PHOTOS.length }, result: { images: PHOTOS.length, read: PHOTOS.length } });
    const rows = await app.strapi.db.connection('ocr_results').where({ ticket_id: ticket });
    expect(rows.map((r: { image_id: string }) => r.image_id).sort()).toEqual([...photoIds].sort());
    // the photos the killed worker had read and saved as done were not read again: their rows are untouched
    const untouched = partial.filter(
      (row: { image_id: string; updated_at: Date }) =>
        rows.find((r: { image_id: string }) => r.image_id === row.image_id).updated_at.getTime() === row.updated_at.getTime(),
    );
    expect(untouched.length).toBeGreaterThanOrEqual(savedSteps as number);
  });
});
