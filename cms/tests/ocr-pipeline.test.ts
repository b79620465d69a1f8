import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { startOcrService } from './helpers/ocr-service';
import { waitFor } from './helpers/jobs';
import { userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';

const devDir = path.resolve(__dirname, '..', '..', 'ocr-service', 'test', 'fixtures', 'dev');
const photo = (name: string) => fs.readFileSync(path.join(devDir, name));

process.env.JOBS_BACKOFF_MS = '100';
process.env.OCR_JOB_ATTEMPTS = '3';
process.env.OCR_BATCH_SIZE = '1';

describe('OCR pipeline: photos → ocr job → OCR service → results → suggestions → apply', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let ocr: Awaited<ReturnType<typeof startOcrService>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let handler: string;
  let viewer: string;
  let ticket: string;
  let photoIds: string[];
  const api = () => request(app.strapi.server.httpServer);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const startJob = (token: string, data: Record<string, unknown>) => api().post('/api/ocr/jobs').set(auth(token)).send({ data });
  const finished = (token: string, id: string, timeoutMs = 90_000) =>
    waitFor(
      `ocr job ${id} to finish`,
      async () => {
        const res = await api().get(`/api/jobs/${id}`).set(auth(token));
        return ['succeeded', 'failed', 'cancelled'].includes(res.body.data?.status) ? res.body.data : undefined;
      },
      timeoutMs,
      200,
    );
  const resultRows = () => app.strapi.db.connection('ocr_results').where({ ticket_id: ticket }).orderBy('image_id');

  beforeAll(async () => {
    s3 = await startS3Server();
    ocr = await startOcrService();
    Object.assign(process.env, s3.env, { OCR_URL: ocr.url });
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
    handler = await userToken(app.strapi, 'handler');
    viewer = await userToken(app.strapi, 'viewer');
    const created = await api()
      .post('/api/ticketing/tickets')
      .set(auth(publisher))
      .send({ data: { type: 'bs-fault', form: bsFaultForm({ pci: 1, band: 'n78', gnb_id: 1 }) } });
    ticket = created.body.data.documentId;
    const uploaded = await api()
      .post(`/api/ticketing/tickets/${ticket}/images`)
      .set(auth(publisher))
      .attach('files', photo('dev-004.jpg'), 'nms-screen.jpg')
      .attach('files', photo('dev-005.jpg'), 'label.jpg');
    expect(uploaded.status).toBe(201);
    photoIds = uploaded.body.data.map((p: { id: string }) => p.id);
  });
  afterAll(async () => {
    await app?.stop();
    await ocr?.stop();
    await s3?.stop();
  });

  it('reads every photo of the ticket in a job the handler starts, and stores one result per photo', async () => {
    const started = await startJob(handler, { ticket });
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ kind: 'ocr', status: 'queued', params: { ticket, images: photoIds } });
    const job = await finished(handler, started.body.data.documentId);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 }, result: { ticket, images: 2, read: 2, failed: [] } });
    expect(job.result.lines).toBeGreaterThan(10);

    const results = await api().get(`/api/ocr/results?ticket=${ticket}`).set(auth(handler));
    expect(results.status).toBe(200);
    expect(results.body.data.map((r: { image: { id: string } }) => r.image.id)).toEqual(photoIds);
    const [screen] = results.body.data;
    expect(screen).toMatchObject({ width: 761, height: 455, engine: 'onnxruntime', job: job.documentId });
    expect(screen.modelVersion).toContain('PP-OCRv4');
    expect(new URL(screen.image.url).searchParams.get('X-Amz-Signature')).toBeTruthy();
    expect(screen.lines.map((l: { text: string }) => l.text).join(' ')).toContain('674');
    for (const line of screen.lines) {
      expect(line.box).toHaveLength(4);
      expect(line.confidence).toBeGreaterThan(0);
      // one confidence per code point of the text, stored as the service returned them
      expect(line.charConfidences).toHaveLength(Array.from(line.text as string).length);
      for (const c of line.charConfidences) expect(c >= 0 && c <= 1).toBe(true);
    }
  });

  it('replaces a photo’s result when it is read again, never duplicating it', async () => {
    const before = await resultRows();
    const again = await startJob(publisher, { ticket, images: [photoIds[0], photoIds[0]] });
    expect(again.body.data.params.images).toEqual([photoIds[0]]);
    const job = await finished(publisher, again.body.data.documentId);
    expect(job.result).toMatchObject({ images: 1, read: 1 });
    const after = await resultRows();
    expect(after).toHaveLength(2);
    const reread = after.find((r: { image_id: string }) => r.image_id === photoIds[0]);
    expect(reread.job_id).toBe(job.documentId);
    expect(reread.document_id).toBe(before.find((r: { image_id: string }) => r.image_id === photoIds[0]).document_id);
  });

  it('suggests canonical values read from the photos, with their source', async () => {
    const res = await api().get(`/api/ocr/tickets/${ticket}/suggestions`).set(auth(handler));
    expect(res.status).toBe(200);
    const byField = Object.fromEntries(res.body.data.map((s: { field: string }) => [s.field, s]));
    expect(byField.pci).toMatchObject({ value: 674, source: { image: photoIds[0] } });
    // both photos print a gNodeB ID and a band (two candidates per field): the value is the one on the photo it names
    const truth: Record<string, { gnb_id: number; band: string }> = {
      [photoIds[0]]: { gnb_id: 263694, band: 'n1' },
      [photoIds[1]]: { gnb_id: 773088, band: 'n41' },
    };
    expect(byField.gnb_id.value).toBe(truth[byField.gnb_id.source.image].gnb_id);
    expect(byField.band.value).toBe(truth[byField.band.source.image].band);
    expect(byField.pci.source.lines.length).toBeGreaterThan(0);
    expect(byField.pci.source.box).toHaveLength(4);
    expect(new Set(res.body.data.map((s: { field: string }) => s.field)).size).toBe(res.body.data.length);
    // each value carries its weakest character, read from the stored line: PCI's is the lowest of its digits 6, 7, 4
    const results = await api().get(`/api/ocr/results?ticket=${ticket}`).set(auth(handler));
    const pciLine = results.body.data[0].lines[byField.pci.source.lines.at(-1)];
    const chars = Array.from(pciLine.text as string);
    const at = chars.map((_, i) => chars.slice(i, i + 3).join('')).lastIndexOf('674');
    expect(byField.pci.minCharConfidence).toBe(Math.min(...pciLine.charConfidences.slice(at, at + 3)));
    // unsure below the default threshold (OCR_UNSURE_BELOW unset: 0.7)
    for (const s of res.body.data) {
      expect(typeof s.minCharConfidence).toBe('number');
      expect(s.unsure).toBe(s.minCharConfidence < 0.7);
    }
    expect(Array.isArray(res.body.meta.leftovers)).toBe(true);
    expect(Array.isArray(res.body.meta.unparsed)).toBe(true);
  });

  it('shows each suggested value as the form shows it, in the caller\'s language', async () => {
    // a publisher: severity is never suggested to a handler, who may not write it
    const read = async (locale: string) => {
      const res = await api().get(`/api/ocr/tickets/${ticket}/suggestions?locale=${locale}`).set(auth(publisher));
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.data.map((s: { field: string; value: unknown; display: string }) => [s.field, s]));
    };
    const [zh, en] = [await read('zh-CN'), await read('en')];
    const SEVERITY = { critical: ['紧急', 'Critical'], major: ['重要', 'Major'] } as Record<string, [string, string]>;
    const FAULT = { power: ['电源告警', 'Power alarm'], other: ['其他', 'Other'] } as Record<string, [string, string]>;
    expect([zh.severity.display, en.severity.display]).toEqual(SEVERITY[zh.severity.value]);
    expect([zh.fault_type.display, en.fault_type.display]).toEqual(FAULT[zh.fault_type.value]);
    expect(zh.pci.display).toBe('674');
    expect(zh.band.display).toBe(zh.band.value);
    expect((await api().get(`/api/ocr/tickets/${ticket}/suggestions?locale=fr`).set(auth(handler))).status).toBe(400);
  });

  it('applies accepted values like an update, audited as ocr_apply with each value’s source', async () => {
    const current = await api().get(`/api/ticketing/tickets/${ticket}`).set(auth(handler));
    const version = current.body.data.version;
    const stale = await api().post(`/api/ocr/tickets/${ticket}/apply`).set(auth(handler)).send({ data: { values: { pci: 674 }, version: version - 1 || 99 } });
    expect(stale.status).toBe(409);
    const bad = await api().post(`/api/ocr/tickets/${ticket}/apply`).set(auth(handler)).send({ data: { values: { pci: '5000' }, version } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: { field: string }) => e.field)).toEqual(['pci']);
    const unknown = await api().post(`/api/ocr/tickets/${ticket}/apply`).set(auth(handler)).send({ data: { values: { nope: 1 }, version } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('nope');

    const applied = await api()
      .post(`/api/ocr/tickets/${ticket}/apply`)
      .set(auth(handler))
      .send({ data: { values: { pci: '674', band: 'n1', gnb_id: 42 }, version } });
    expect(applied.status).toBe(200);
    expect(applied.body.data).toMatchObject({ version: version + 1, form: { pci: 674, band: 'n1', gnb_id: 42, site_name: '浦东张江基站01' } });
    const [entry] = (await api().get(`/api/ticketing/tickets/${ticket}/history`).set(auth(handler))).body.data;
    expect(entry).toMatchObject({ action: 'ocr_apply', diff: { pci: [1, 674], band: ['n78', 'n1'], gnb_id: [1, 42] } });
    expect(entry.meta.sources.pci).toMatchObject({
      image: photoIds[0],
      raw: expect.stringContaining('674'),
      minCharConfidence: expect.any(Number),
      unsure: false,
    });
    expect(entry.meta.sources.gnb_id).toEqual({ edited: true });
  });

  it('lets a viewer do none of it, and refuses photos the ticket does not have', async () => {
    expect((await startJob(viewer, { ticket })).status).toBe(403);
    expect((await api().get(`/api/ocr/results?ticket=${ticket}`).set(auth(viewer))).status).toBe(403);
    expect((await api().get(`/api/ocr/tickets/${ticket}/suggestions`).set(auth(viewer))).status).toBe(403);
    expect((await api().post(`/api/ocr/tickets/${ticket}/apply`).set(auth(viewer)).send({ data: { values: { pci: 1 }, version: 1 } })).status).toBe(403);
    const foreign = await startJob(handler, { ticket, images: ['not-a-photo'] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('not-a-photo');
    expect((await startJob(handler, { ticket: 'nosuchticket000000000000' })).status).toBe(404);
    expect((await startJob(handler, {})).status).toBe(400);
  });

  it('retries while the OCR service is down and fails naming it; once it is back a new job succeeds', async () => {
    await ocr.stop();
    const down = await startJob(handler, { ticket, images: [photoIds[1]] });
    const failed = await finished(handler, down.body.data.documentId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.error).toContain(`OCR service at ${ocr.url} is unreachable`);

    ocr = await startOcrService(ocr.port);
    const back = await startJob(handler, { ticket, images: [photoIds[1]] });
    expect(await finished(handler, back.body.data.documentId)).toMatchObject({ status: 'succeeded', result: { read: 1 } });
    expect(await resultRows()).toHaveLength(2);
  });
});
