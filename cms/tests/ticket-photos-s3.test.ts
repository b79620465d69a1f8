import request from 'supertest';
import sharp from 'sharp';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { userToken } from './helpers/users';
import { siteSurveyForm } from './helpers/tickets';
import { badFiles, plainPng, siteJpeg } from './helpers/photos';

const URL_TTL_SECONDS = 4;

/** Every URL-looking string anywhere in a response body. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^(https?:\/\/|\/)/.test(value) && value.includes('uploads/') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

describe('ticket photos on S3-compatible storage (s3rver)', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  let handler: string;
  let viewer: string;
  const bodies: unknown[] = [];
  const api = () => request(app.strapi.server.httpServer);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kept = <T extends { body: unknown }>(res: T) => {
    bodies.push(res.body);
    return res;
  };
  const upload = async (token: string, ticket: string, files: [string, Buffer][]) => {
    const req = api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth(token));
    for (const [name, bytes] of files) req.attach('files', bytes, name);
    return kept(await req);
  };
  const list = async (ticket: string, token = viewer) =>
    kept(await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth(token)));
  const newTicket = async () => {
    const res = await api()
      .post('/api/ticketing/tickets')
      .set(auth(publisher))
      .send({ data: { type: 'site-survey', form: siteSurveyForm() } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };
  const historyActions = async (ticket: string) => {
    const res = await api().get(`/api/ticketing/tickets/${ticket}/history`).set(auth(viewer));
    return (res.body.data as { action: string }[]).map((e) => e.action);
  };
  const download = (url: string) => fetch(url).then(async (r) => ({ status: r.status, bytes: Buffer.from(await r.arrayBuffer()) }));

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env, { PHOTO_URL_TTL_SECONDS: String(URL_TTL_SECONDS) });
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
    handler = await userToken(app.strapi, 'handler');
    viewer = await userToken(app.strapi, 'viewer');
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  it('creates the missing bucket at start', async () => {
    await expect(s3.keys()).resolves.toEqual([]);
  });

  it('stores originals and thumbnails under uploads/images/{ticket}/{uuid}, with pre-signed URLs that return the same bytes', async () => {
    const ticket = await newTicket();
    const jpeg = await siteJpeg();
    const png = await plainPng();
    const res = await upload(publisher, ticket, [
      ['../../etc/站点\u0007照片.jpg', jpeg],
      ['roof.png', png],
    ]);
    expect(res.status).toBe(201);
    const [first, second] = res.body.data;
    // orientation 6: shown upright, so width and height swap
    expect(first).toMatchObject({ name: '站点照片.jpg', mime: 'image/jpeg', size: jpeg.length, width: 200, height: 400 });
    expect(first.gps.latitude).toBeCloseTo(22.54, 5);
    expect(first.gps.longitude).toBeCloseTo(113.94, 5);
    expect(second).toMatchObject({ name: 'roof.png', mime: 'image/png', width: 300, height: 150, gps: null });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await s3.keys()).toEqual(
      [
        `uploads/images/${ticket}/${first.id}.jpg`,
        `uploads/images/${ticket}/${first.id}-thumb.webp`,
        `uploads/images/${ticket}/${second.id}.png`,
        `uploads/images/${ticket}/${second.id}-thumb.webp`,
      ].sort(),
    );

    for (const url of [first.url, first.thumbnailUrl]) {
      const signed = new URL(url);
      expect(signed.origin).toBe(s3.endpoint);
      expect(signed.searchParams.get('X-Amz-Expires')).toBe(String(URL_TTL_SECONDS));
      expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    }
    const original = await download(first.url);
    expect(original.status).toBe(200);
    expect(original.bytes.equals(jpeg)).toBe(true);
    const thumb = await download(first.thumbnailUrl);
    expect(thumb.status).toBe(200);
    const meta = await sharp(thumb.bytes).metadata();
    // the thumbnail is upright (EXIF orientation applied) and at most 320 px
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 160, height: 320 });

    // the URLs expire: s3rver enforces X-Amz-Expires
    await new Promise((r) => setTimeout(r, (URL_TTL_SECONDS + 1.5) * 1000));
    expect((await download(first.url)).status).toBe(403);
    const fresh = await list(ticket);
    expect((await download(fresh.body.data[0].url)).status).toBe(200);
  });

  it('keeps the order the publisher sets, and refuses an order that is not the full list', async () => {
    const ticket = await newTicket();
    // the first file is by far the largest: it finishes arriving last, yet stays first
    const uploaded = await upload(publisher, ticket, [
      ['a.jpg', await siteJpeg(1600, 1200)],
      ['b.png', await plainPng(40, 40)],
      ['c.png', await plainPng(50, 40)],
    ]);
    expect(uploaded.body.data.map((p: { name: string }) => p.name)).toEqual(['a.jpg', 'b.png', 'c.png']);
    const ids = uploaded.body.data.map((p: { id: string }) => p.id);
    expect((await list(ticket)).body.data.map((p: { id: string }) => p.id)).toEqual(ids);

    const reversed = [...ids].reverse();
    const reordered = kept(await api().put(`/api/ticketing/tickets/${ticket}/images/order`).set(auth(publisher)).send({ data: { order: reversed } }));
    expect(reordered.status).toBe(200);
    expect(reordered.body.data.map((p: { id: string }) => p.id)).toEqual(reversed);
    expect((await list(ticket)).body.data.map((p: { name: string }) => p.name)).toEqual(['c.png', 'b.png', 'a.jpg']);

    for (const order of [ids.slice(1), [...ids, ids[0]], [ids[0], ids[1], 'nope'], 'x']) {
      const bad = await api().put(`/api/ticketing/tickets/${ticket}/images/order`).set(auth(publisher)).send({ data: { order } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/every photo id/);
    }
    expect((await list(ticket)).body.data.map((p: { id: string }) => p.id)).toEqual(reversed);
    expect(await historyActions(ticket)).toEqual(['photo_reorder', 'photo_upload', 'create']);
  });

  it('lets the images field hold only photos of the ticket, and deleting a photo removes every object and the form reference', async () => {
    const ticket = await newTicket();
    const uploaded = await upload(publisher, ticket, [
      ['a.jpg', await siteJpeg(80, 40)],
      ['b.png', await plainPng(40, 40)],
    ]);
    const [a, b] = uploaded.body.data.map((p: { id: string }) => p.id);
    const put = (photos: unknown, version: number) =>
      api()
        .put(`/api/ticketing/tickets/${ticket}`)
        .set(auth(publisher))
        .send({ data: { form: siteSurveyForm({ photos }), version } });

    const foreign = await put([a, 'f0e1d2c3-0000-4000-8000-000000000000'], 1);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.errors).toEqual([{ field: 'photos', message: expect.stringMatching(/not photos of this ticket/) }]);
    const chosen = await put([b, a], 1);
    expect(chosen.status).toBe(200);
    expect(chosen.body.data.form.photos).toEqual([b, a]);
    expect(chosen.body.data.photos).toEqual([a, b]);

    const keysBefore = await s3.keys();
    const removed = await api().delete(`/api/ticketing/tickets/${ticket}/images/${a}`).set(auth(publisher));
    expect(removed.status).toBe(204);
    const keysAfter = await s3.keys();
    expect(keysBefore.filter((k) => !keysAfter.includes(k))).toEqual([`uploads/images/${ticket}/${a}-thumb.webp`, `uploads/images/${ticket}/${a}.jpg`].sort());
    expect(keysAfter.some((k) => k.includes(a))).toBe(false);

    const after = await api().get(`/api/ticketing/tickets/${ticket}`).set(auth(viewer));
    expect(after.body.data).toMatchObject({ version: 3, photos: [b], form: { photos: [b] } });
    expect((await list(ticket)).body.data.map((p: { id: string }) => p.id)).toEqual([b]);
    const again = await api().delete(`/api/ticketing/tickets/${ticket}/images/${a}`).set(auth(publisher));
    expect(again.status).toBe(404);
    expect(await historyActions(ticket)).toEqual(['photo_delete', 'update', 'photo_upload', 'create']);

    // deleting the ticket takes its photos' objects with it
    expect((await api().delete(`/api/ticketing/tickets/${ticket}`).set(auth(publisher))).status).toBe(200);
    expect((await s3.keys()).some((k) => k.includes(ticket))).toBe(false);
  });

  it('refuses each bad file with a message naming it, storing nothing — also when it comes with a good one', async () => {
    const ticket = await newTicket();
    const keysBefore = await s3.keys();
    for (const [name, bytes, status, message] of await badFiles()) {
      const res = await upload(publisher, ticket, [[name, bytes]]);
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).toContain(`"${name.split('/').pop()}"`);
    }
    const mixed = await upload(publisher, ticket, [
      ['good.jpg', await siteJpeg(64, 32)],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ]);
    expect(mixed.status).toBe(415);
    expect(mixed.body.error.message).toMatch(/"logo\.svg" is an SVG image/);
    const none = await api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth(publisher));
    expect(none.status).toBe(400);
    const tiny = await plainPng(8, 8);
    const tooMany = await upload(publisher, ticket, Array.from({ length: 21 }, (_, i): [string, Buffer] => [`p${i}.png`, tiny]));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 20 photos per upload/);

    expect(await s3.keys()).toEqual(keysBefore);
    expect((await list(ticket)).body.data).toEqual([]);
    expect(await historyActions(ticket)).toEqual(['create']);
  });

  it('lets handlers add photos but not reorder or delete them, viewers only read; nothing is stored for a refusal', async () => {
    const ticket = await newTicket();
    await upload(publisher, ticket, [['a.png', await plainPng(20, 20)]]);
    // a handler at the site adds a photo (images.add)
    const added = await upload(handler, ticket, [['site.png', await plainPng(30, 30)]]);
    expect(added.status).toBe(201);
    const keysBefore = await s3.keys();
    const denied = await upload(viewer, ticket, [['b.png', await plainPng(30, 30)]]);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/Missing right images\.add/);
    expect(await s3.keys()).toEqual(keysBefore);

    const [photo, sitePhoto] = (await list(ticket, handler)).body.data;
    expect([photo.name, sitePhoto.name]).toEqual(['a.png', 'site.png']);
    const order = await api().put(`/api/ticketing/tickets/${ticket}/images/order`).set(auth(handler)).send({ data: { order: [sitePhoto.id, photo.id] } });
    expect(order.status).toBe(403);
    expect((await api().delete(`/api/ticketing/tickets/${ticket}/images/${sitePhoto.id}`).set(auth(handler))).status).toBe(403);
    expect((await api().delete(`/api/ticketing/tickets/${ticket}/images/${photo.id}`).set(auth(viewer))).status).toBe(403);
    const anonymous = await api().get(`/api/ticketing/tickets/${ticket}/images`);
    expect([401, 403]).toContain(anonymous.status);
    expect(JSON.stringify(anonymous.body)).not.toContain('X-Amz');
    expect((await api().get('/api/ticketing/tickets/nosuchticket000000000000/images').set(auth(viewer))).status).toBe(404);
    expect(await s3.keys()).toEqual(keysBefore);
  });

  it('never answered with an unsigned object URL', () => {
    const urls = bodies.flatMap(urlsIn);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !new URL(u).searchParams.get('X-Amz-Signature'))).toEqual([]);
  });
});
