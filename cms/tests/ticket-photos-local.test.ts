import fs from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { siteSurveyForm } from './helpers/tickets';
import { plainPng, siteJpeg } from './helpers/photos';

const SECRET = 'local-file-link-secret-for-tests';

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];

describe('ticket photos on private local disk (no S3_ENDPOINT)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let viewer: string;
  let uploadsDir: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    delete process.env.S3_ENDPOINT;
    process.env.FILE_URL_SECRET = SECRET;
    app = await startTestApp();
    uploadsDir = process.env.UPLOADS_DIR as string;
    publisher = await userToken(app.strapi, 'publisher');
    viewer = await userToken(app.strapi, 'viewer');
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  });

  it('keeps files outside public/, serves them only through signed, expiring links, and deletes them', async () => {
    const created = await api()
      .post('/api/ticketing/tickets')
      .set(auth(publisher))
      .send({ data: { type: 'site-survey', form: siteSurveyForm() } });
    const ticket = created.body.data.documentId as string;
    const jpeg = await siteJpeg();
    const res = await api()
      .post(`/api/ticketing/tickets/${ticket}/images`)
      .set(auth(publisher))
      .attach('files', jpeg, 'mast.jpg')
      .attach('files', await plainPng(), 'cabinet.png');
    expect(res.status).toBe(201);
    const [photo, second] = res.body.data;

    expect(filesUnder(uploadsDir)).toEqual(
      [
        `images/${ticket}/${photo.id}.jpg`,
        `images/${ticket}/${photo.id}-thumb.webp`,
        `images/${ticket}/${second.id}.png`,
        `images/${ticket}/${second.id}-thumb.webp`,
      ].sort(),
    );
    expect(path.relative(path.resolve(__dirname, '..', 'public'), uploadsDir).startsWith('..')).toBe(true);
    expect(filesUnder(path.resolve(__dirname, '..', 'public', 'uploads')).filter((f) => f.includes(photo.id))).toEqual([]);

    const listed = await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth(viewer));
    const link = new URL(listed.body.data[0].url, 'http://cms.test');
    expect(link.pathname).toBe(`/api/ticketing/files/images/${ticket}/${photo.id}.jpg`);
    const expires = Number(link.searchParams.get('expires'));
    expect(expires - Date.now() / 1000).toBeGreaterThan(15 * 60 - 30);
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(15 * 60);

    const got = await api().get(link.pathname + link.search).buffer(true);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.body as Buffer, jpeg)).toBe(0);
    const thumb = await api().get(new URL(listed.body.data[0].thumbnailUrl, 'http://cms.test').pathname + link.search);
    // a signature is bound to its key: the original's does not open the thumbnail
    expect(thumb.status).toBe(403);

    const key = `images/${ticket}/${photo.id}.jpg`;
    const signed = (k: string, until: number) => createHmac('sha256', SECRET).update(`${k}\n${until}`).digest('base64url');
    const past = Math.floor(Date.now() / 1000) - 1;
    const refused = [
      `/api/ticketing/files/${key}`,
      `/api/ticketing/files/${key}?expires=${expires}&signature=${'A'.repeat(43)}`,
      `/api/ticketing/files/${key}?expires=${past}&signature=${signed(key, past)}`,
      `/api/ticketing/files/${key}?expires=${expires + 60}&signature=${link.searchParams.get('signature')}`,
      `/api/ticketing/files/images/${ticket}/../../../etc/passwd?expires=${expires}&signature=${signed(`images/${ticket}/../../../etc/passwd`, expires)}`,
    ];
    for (const url of refused) expect({ url, status: (await api().get(url)).status }).toEqual({ url, status: 403 });
    // Strapi's own static /uploads route has nothing of ours to serve
    expect((await api().get(`/uploads/images/${ticket}/${photo.id}.jpg`)).status).toBe(404);

    const removed = await api().delete(`/api/ticketing/tickets/${ticket}/images/${photo.id}`).set(auth(publisher));
    expect(removed.status).toBe(204);
    expect(filesUnder(uploadsDir)).toEqual([`images/${ticket}/${second.id}.png`, `images/${ticket}/${second.id}-thumb.webp`].sort());
    expect((await api().get(link.pathname + link.search)).status).toBe(404);
  });
});
