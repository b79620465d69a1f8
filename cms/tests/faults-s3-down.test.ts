import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { startS3Process } from './helpers/s3-process';
import { userToken } from './helpers/users';
import { siteSurveyForm } from './helpers/tickets';
import { siteJpeg } from './helpers/photos';
import { waitFor } from './helpers/jobs';

describe('file storage (the S3 server) down during a photo upload', () => {
  let s3: Awaited<ReturnType<typeof startS3Process>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let photos: [string, Buffer][];
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${publisher}` });
  const upload = (ticket: string, uploadKey: string) => {
    const req = api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth()).field('uploadKey', uploadKey);
    for (const [name, bytes] of photos) req.attach('files', bytes, name);
    return req;
  };
  const newTicket = async () => {
    const res = await api().post('/api/ticketing/tickets').set(auth()).send({ data: { type: 'site-survey', form: siteSurveyForm() } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };
  /** What the platform recorded of a ticket's photos: its list, and its audit entries about photos. */
  const recorded = async (ticket: string) => {
    const list = await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth());
    expect(list.status).toBe(200);
    const audit = await app.strapi.db.connection('ticketing_audit_logs').where({ entity_id: ticket }).whereLike('action', 'photo%');
    return { photos: list.body.data.length as number, audit: audit.length };
  };
  const expectCleanUnavailable = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The file storage is unavailable; try again shortly', details: { dependency: 'file storage' } },
    });
  };

  beforeAll(async () => {
    s3 = await startS3Process();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
    // big enough that storing them takes a while: the server can be killed between two of them
    photos = await Promise.all([0, 1, 2, 3, 4, 5].map(async (i) => [`site-${i}.jpg`, await siteJpeg(1600 + i, 1200)] as [string, Buffer]));
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.destroy();
  });

  it('refuses an upload while the server is down with a clean 503, records nothing, and takes the same upload once it is back', async () => {
    const ticket = await newTicket();
    await s3.kill();
    expectCleanUnavailable(await upload(ticket, 'upload-while-down-0001'));
    expect(await recorded(ticket)).toEqual({ photos: 0, audit: 0 });

    await s3.start();
    expect(s3.objects()).toEqual([]);
    const again = await upload(ticket, 'upload-while-down-0001');
    expect(again.status).toBe(201);
    expect(again.body.data).toHaveLength(photos.length);
    expect(await recorded(ticket)).toEqual({ photos: photos.length, audit: 1 });
    expect(s3.objects()).toHaveLength(photos.length * 2);
  });

  it('answers 503 when the server dies mid-upload, leaves no photo, audit entry or stored object behind, and the same upload then succeeds', async () => {
    const ticket = await newTicket();
    const before = s3.objects();
    // killed the moment the first object of this upload lands, while the rest are on their way
    let killed: Promise<void> | undefined;
    const watcher = setInterval(() => {
      if (!killed && s3.objects().some((key) => key.includes(ticket))) killed = s3.kill();
    }, 5);
    const res = await upload(ticket, 'upload-cut-mid-way-0001');
    clearInterval(watcher);
    expect(killed).toBeDefined();
    await killed;
    expectCleanUnavailable(res);
    expect(await recorded(ticket)).toEqual({ photos: 0, audit: 0 });

    await s3.start();
    // what the upload had stored before the server died is removed once it is back
    await waitFor('the objects of the failed upload to be removed', async () => s3.objects().every((key) => !key.includes(ticket)), 30_000, 100);
    expect(s3.objects()).toEqual(before);
    const again = await upload(ticket, 'upload-cut-mid-way-0001');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ data: expect.any(Array) });
    expect(again.body.data).toHaveLength(photos.length);
    expect(await recorded(ticket)).toEqual({ photos: photos.length, audit: 1 });
    expect(s3.objects().filter((key) => key.includes(ticket))).toHaveLength(photos.length * 2);
  });
});
