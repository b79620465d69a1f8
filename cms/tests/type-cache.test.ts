import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { adminToken, userToken } from './helpers/users';
import { startStrapiProcess } from './helpers/strapi-process';
import { bsFaultForm } from './helpers/tickets';

// a minute of TTL: within the test only the Redis announcement can make process B see a change
process.env.TYPE_CACHE_TTL_MS = '60000';

const CM = '/content-manager/collection-types/plugin::ticketing.ticket-type';

describe('ticket types cached per process, changes announced over Redis; schema ETags', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let b: Awaited<ReturnType<typeof startStrapiProcess>>;
  let viewer: string;
  let publisher: string;
  const onA = () => request(a.strapi.server.httpServer);
  const onB = () => request(b.url);
  const schemaOnB = (etag?: string) => {
    const req = onB().get('/api/ticketing/ticket-types/bs-fault/schema?locale=en').set('Authorization', `Bearer ${viewer}`);
    return etag ? req.set('If-None-Match', etag) : req;
  };

  beforeAll(async () => {
    a = await startTestApp();
    // process B: same database, same Redis namespace (REDIS_PREFIX, secrets: this process's env)
    b = await startStrapiProcess(a.db.url, { WORKERS: 'off' });
    viewer = await userToken(a.strapi, 'viewer');
    publisher = await userToken(a.strapi, 'publisher');
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('answers If-None-Match with 304 while the schema is unchanged, per role and locale', async () => {
    const first = await schemaOnB();
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await schemaOnB(etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await schemaOnB(`"other", ${etag}`)).status).toBe(304);
    // another locale, another role: other answers, other tags
    const zh = await onB().get('/api/ticketing/ticket-types/bs-fault/schema?locale=zh-CN').set('Authorization', `Bearer ${viewer}`).set('If-None-Match', etag);
    expect(zh.status).toBe(200);
    expect(zh.headers.etag).not.toBe(etag);
    const asPublisher = await onB().get('/api/ticketing/ticket-types/bs-fault/schema?locale=en').set('Authorization', `Bearer ${publisher}`);
    expect(asPublisher.status).toBe(200);
  });

  it('shows an admin edit made on process A on process B within a second', async () => {
    const warm = await schemaOnB();
    const etag = warm.headers.etag as string;
    // B has the type cached: a form with a field it does not know yet is refused there
    const unknown = await onB().post('/api/ticketing/tickets').set('Authorization', `Bearer ${publisher}`).send({ data: { type: 'bs-fault', form: bsFaultForm({ rack_no: 'R7' }) } });
    expect(unknown.status).toBe(400);

    const admin = await adminToken(a.strapi);
    const before = await a.strapi.db.query('plugin::ticketing.ticket-type').findOne({ where: { key: 'bs-fault' } });
    const fields = [...before.fields, { key: 'rack_no', type: 'string', label: { 'zh-CN': '机架号', en: 'Rack number' } }];
    const edited = await onA().put(`${CM}/${before.documentId}`).set('Authorization', `Bearer ${admin}`).send({ ...before, fields });
    expect(edited.status).toBe(200);
    const editedAt = Date.now();

    let seenAfter = -1;
    while (Date.now() - editedAt < 1000) {
      const res = await schemaOnB(etag);
      if (res.status === 200 && res.body.data.schema.properties.rack_no) {
        seenAfter = Date.now() - editedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(1000);
    const created = await onB().post('/api/ticketing/tickets').set('Authorization', `Bearer ${publisher}`).send({ data: { type: 'bs-fault', form: bsFaultForm({ rack_no: 'R7' }) } });
    expect(created.status).toBe(201);
    expect(created.body.data.typeVersion).toBe(before.version + 1);
  });

  it('lists by a type created on process A on process B within a second, and not once it is deleted', async () => {
    const listOnB = (type: string) => onB().get(`/api/ticketing/tickets?type=${type}`).set('Authorization', `Bearer ${viewer}`);
    // B holds the list of types now: the new one is unknown there
    expect((await listOnB('bs-fault')).status).toBe(200);
    expect((await listOnB('cable-check')).status).toBe(400);
    const within = async (what: string, status: number) => {
      const since = Date.now();
      while (Date.now() - since < 1000) {
        if ((await listOnB('cable-check')).status === status) return Date.now() - since;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`B did not ${what} within a second`);
    };

    const admin = await adminToken(a.strapi);
    const created = await onA()
      .post(CM)
      .set('Authorization', `Bearer ${admin}`)
      .send({ key: 'cable-check', nameZh: '线缆检查', nameEn: 'Cable check', active: true, fields: [{ key: 'span', type: 'string', label: { 'zh-CN': '段落', en: 'Span' } }] });
    expect(created.status).toBe(201);
    expect(await within('see the new type', 200)).toBeLessThan(1000);

    const deleted = await onA().delete(`${CM}/${created.body.data.documentId}`).set('Authorization', `Bearer ${admin}`);
    expect(deleted.status).toBe(200);
    expect(await within('forget the deleted type', 400)).toBeLessThan(1000);
  });
});
