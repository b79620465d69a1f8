import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { siteSurveyForm } from './helpers/tickets';
import { plainPng, siteJpeg } from './helpers/photos';

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];

// the portal's offline queue sends a photo again when it never heard the answer: the key makes that repeat harmless
describe('photo upload with an upload key', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let uploadsDir: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${publisher}` });
  const newTicket = async () =>
    (await api().post('/api/ticketing/tickets').set(auth()).send({ data: { type: 'site-survey', form: siteSurveyForm() } })).body.data
      .documentId as string;
  const upload = async (ticket: string, key: string | undefined, bytes: Buffer, name: string) => {
    const req = api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth());
    if (key !== undefined) req.field('uploadKey', key);
    return req.attach('files', bytes, name);
  };
  const photoIds = async (ticket: string) =>
    ((await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data as { id: string }[]).map((p) => p.id);
  const uploadEntries = async (ticket: string) =>
    ((await api().get(`/api/ticketing/tickets/${ticket}/history`).set(auth())).body.data as { action: string }[]).filter(
      (e) => e.action === 'photo_upload',
    ).length;

  beforeAll(async () => {
    delete process.env.S3_ENDPOINT;
    process.env.FILE_URL_SECRET = 'local-file-link-secret-for-tests';
    app = await startTestApp();
    uploadsDir = process.env.UPLOADS_DIR as string;
    publisher = await userToken(app.strapi, 'publisher');
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  });

  it('stores an upload once: the same key again answers 200 with the photo it stored, and the history has one upload', async () => {
    const ticket = await newTicket();
    const jpeg = await siteJpeg();
    const first = await upload(ticket, 'd6f1c3e0-5b7a-4c1e-9a0f-1b2c3d4e5f60', jpeg, 'mast.jpg');
    expect(first.status).toBe(201);
    const [stored] = first.body.data as { id: string; name: string }[];
    expect(first.body.data).toHaveLength(1);

    const again = await upload(ticket, 'd6f1c3e0-5b7a-4c1e-9a0f-1b2c3d4e5f60', jpeg, 'mast.jpg');
    expect(again.status).toBe(200);
    expect((again.body.data as { id: string }[]).map((p) => p.id)).toEqual([stored.id]);
    expect(await photoIds(ticket)).toEqual([stored.id]);
    expect(await uploadEntries(ticket)).toBe(1);
    // the repeat left no objects of its own behind: one original and one thumbnail
    expect(filesUnder(path.join(uploadsDir, 'images', ticket))).toEqual([`${stored.id}-thumb.webp`, `${stored.id}.jpg`]);
    // the key is the client's business: no answer shows it
    expect(JSON.stringify(again.body)).not.toContain('d6f1c3e0');

    // another key (or none) is another upload
    const other = await upload(ticket, 'another-upload-key-0001', await plainPng(), 'cabinet.png');
    expect(other.status).toBe(201);
    const plain = await upload(ticket, undefined, await plainPng(), 'cabinet.png');
    expect(plain.status).toBe(201);
    expect(await photoIds(ticket)).toHaveLength(3);
    expect(await uploadEntries(ticket)).toBe(3);
  });

  it('keeps one set of photos when the same upload arrives twice at once', async () => {
    const ticket = await newTicket();
    const jpeg = await siteJpeg();
    const answers = await Promise.all([
      upload(ticket, 'same-time-upload-key-01', jpeg, 'mast.jpg'),
      upload(ticket, 'same-time-upload-key-01', jpeg, 'mast.jpg'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    const [a, b] = answers.map((res) => (res.body.data as { id: string }[]).map((p) => p.id));
    expect(a).toEqual(b);
    expect(await photoIds(ticket)).toEqual(a);
    expect(await uploadEntries(ticket)).toBe(1);
    expect(filesUnder(path.join(uploadsDir, 'images', ticket))).toHaveLength(2);
  });

  it('refuses a malformed key with a 400 naming it, and stores nothing', async () => {
    const ticket = await newTicket();
    for (const key of ['short', 'x'.repeat(65), 'has spaces in the key!!', '']) {
      const res = await upload(ticket, key, await plainPng(), 'cabinet.png');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/uploadKey/);
    }
    expect(await photoIds(ticket)).toEqual([]);
  });
});
