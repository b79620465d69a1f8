import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { startOcrService } from './helpers/ocr-service';
import { jobRecord, waitFor, type JobView } from './helpers/jobs';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';

const devDir = path.resolve(__dirname, '..', '..', 'ocr-service', 'test', 'fixtures', 'dev');
const PHOTOS = ['dev-004.jpg', 'dev-005.jpg', 'dev-013.jpg', 'dev-017.jpg'];
const ATTEMPTS = 4;
const BACKOFF_MS = 1000;
// BullMQ's exponential backoff with the jobs plugin's 50 % jitter: retry k waits between half and all of BACKOFF_MS·2^(k-1)
const JITTER = 0.5;

// one photo per OCR request, so the job has steps and the service can die between two of them
process.env.OCR_BATCH_SIZE = '1';
process.env.OCR_JOB_ATTEMPTS = String(ATTEMPTS);
process.env.JOBS_BACKOFF_MS = String(BACKOFF_MS);

describe('OCR service stopped in the middle of a job', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let ocr: Awaited<ReturnType<typeof startOcrService>>;
  // the helper's stop() waits for an exit that already happened when called twice
  let ocrRunning = false;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    s3 = await startS3Server();
    ocr = await startOcrService();
    ocrRunning = true;
    Object.assign(process.env, s3.env, { OCR_URL: ocr.url });
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    if (ocrRunning) await ocr.stop();
    await s3?.stop();
  });

  it('retries with growing delays, fails saying the service is unreachable, and a rerun once it is back reads every photo once', async () => {
    const handler = await userToken(app.strapi, 'handler');
    const publisher = await userToken(app.strapi, 'publisher');
    const api = () => request(app.strapi.server.httpServer);
    const created = await api().post('/api/ticketing/tickets').set('Authorization', `Bearer ${publisher}`).send({ data: { type: 'bs-fault', form: bsFaultForm() } });
    const ticket = created.body.data.documentId as string;
    const upload = api().post(`/api/ticketing/tickets/${ticket}/images`).set('Authorization', `Bearer ${publisher}`);
    for (const name of PHOTOS) upload.attach('files', fs.readFileSync(path.join(devDir, name)), name);
    const photoIds = (await upload).body.data.map((p: { id: string }) => p.id as string);
    const results = () => app.strapi.db.connection('ocr_results').where({ ticket_id: ticket });

    const job = (await api().post('/api/ocr/jobs').set('Authorization', `Bearer ${handler}`).send({ data: { ticket } })).body.data as JobView;
    await waitFor('the first photo to be read', async () => ((await jobRecord(app.strapi, job.documentId)).progress?.done ?? 0) >= 1, 90_000, 20);
    await ocr.stop();
    ocrRunning = false;

    // the record is written when an attempt starts and when it fails: per attempt, its first and last write seen
    const writes = new Map<number, { first: number; last: number }>();
    const failed = await waitFor(
      'the job to fail',
      async () => {
        const row = await app.strapi.db.connection('jobs_jobs').where({ document_id: job.documentId }).first('attempts', 'updated_at');
        const at = new Date(row.updated_at).getTime();
        const seen = writes.get(row.attempts);
        writes.set(row.attempts, { first: Math.min(seen?.first ?? at, at), last: Math.max(seen?.last ?? at, at) });
        const record = await jobRecord(app.strapi, job.documentId);
        return record.status === 'failed' ? record : undefined;
      },
      60_000,
      20,
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: ATTEMPTS });
    expect(failed.error).toContain(`OCR service at ${ocr.url} is unreachable (ECONNREFUSED)`);
    // each retry started no sooner than its backoff's lower bound after the attempt before it, and the bounds double
    expect([...writes.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (let retry = 1; retry < ATTEMPTS; retry++) {
      const waited = (writes.get(retry + 1)?.first as number) - (writes.get(retry)?.last as number);
      expect(waited).toBeGreaterThanOrEqual(BACKOFF_MS * 2 ** (retry - 1) * (1 - JITTER));
    }
    // what was read before the service died is kept, once
    const partial = await results();
    expect(partial.length).toBeGreaterThanOrEqual(1);
    expect(partial.length).toBeLessThan(PHOTOS.length);

    // the service back on its address: the same OCR run again reads every photo, none twice
    ocr = await startOcrService(ocr.port);
    ocrRunning = true;
    const rerun = await api().post('/api/ocr/jobs').set('Authorization', `Bearer ${handler}`).send({ data: { ticket } });
    expect(rerun.status).toBe(202);
    const done = await waitFor(
      'the rerun to finish',
      async () => {
        const record = (await api().get(`/api/jobs/${rerun.body.data.documentId}`).set('Authorization', `Bearer ${handler}`)).body.data as JobView;
        return ['succeeded', 'failed'].includes(record.status) ? record : undefined;
      },
      120_000,
      200,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, result: { images: PHOTOS.length, read: PHOTOS.length, failed: [] } });
    const rows = await results();
    expect(rows.map((r: { image_id: string }) => r.image_id).sort()).toEqual([...photoIds].sort());
  });
});
