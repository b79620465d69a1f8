import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { bsFaultForm, siteSurveyForm } from './helpers/tickets';
import { haversineMetres } from '../../plugins/ticketing/server/src/tickets/near';

type Role = 'viewer' | 'publisher';

/** A type whose position only publishers and admins may read. */
const HIDDEN_GEO = {
  key: 'hidden-geo',
  nameZh: '隐藏坐标',
  nameEn: 'Hidden position',
  active: true,
  fields: [
    { key: 'site_name', type: 'string', label: { 'zh-CN': '站点', en: 'Site' }, required: true },
    { key: 'longitude', type: 'number', label: { 'zh-CN': '经度', en: 'Longitude' }, access: { read: ['publisher', 'admin'] } },
    { key: 'latitude', type: 'number', label: { 'zh-CN': '纬度', en: 'Latitude' }, access: { read: ['publisher', 'admin'] } },
  ],
};

// the phone stands at P; the tickets lie around it
const P = { lng: 121.47, lat: 31.23 };
const SITES = {
  here: [121.47, 31.23],
  oneKm: [121.48, 31.23],
  fourKm: [121.5, 31.25],
  hangzhou: [120.16, 30.27],
} as const;

/**
 * `near=<lng>,<lat>[&radius=<m>]` on GET /tickets: only tickets with a position, nearest
 * first by great-circle distance, each with its distance; bad points are 400s; a role that may
 * not read a type's coordinates gets none of its tickets that way; the GiST index serves it.
 */
describe('tickets near a point', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens = {} as Record<Role, string>;
  const ids: Record<string, string> = {};
  const list = (query: string, role: Role = 'publisher') =>
    request(app.strapi.server.httpServer).get(`/api/ticketing/tickets?${query}`).set('Authorization', `Bearer ${tokens[role]}`);
  const sites = (res: request.Response) => res.body.data.map((t: { form: { site_name: string } }) => t.form.site_name);

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ['viewer', 'publisher'] as Role[]) tokens[role] = await userToken(app.strapi, role);
    await app.strapi.documents('plugin::ticketing.ticket-type' as never).create({ data: HIDDEN_GEO as never });
    const post = async (name: string, type: string, form: object) => {
      const res = await request(app.strapi.server.httpServer)
        .post('/api/ticketing/tickets')
        .set('Authorization', `Bearer ${tokens.publisher}`)
        .send({ data: { type, form } });
      expect(res.status).toBe(201);
      ids[name] = res.body.data.documentId;
    };
    await post('here', 'bs-fault', bsFaultForm({ site_name: 'here', longitude: SITES.here[0], latitude: SITES.here[1] }));
    await post('oneKm', 'site-survey', siteSurveyForm({ site_name: 'oneKm', longitude: SITES.oneKm[0], latitude: SITES.oneKm[1] }));
    await post('fourKm', 'bs-fault', bsFaultForm({ site_name: 'fourKm', longitude: SITES.fourKm[0], latitude: SITES.fourKm[1] }));
    await post('hangzhou', 'bs-fault', bsFaultForm({ site_name: 'hangzhou', longitude: SITES.hangzhou[0], latitude: SITES.hangzhou[1] }));
    // no position: never in a near list
    await post('nowhere', 'bs-fault', bsFaultForm({ site_name: 'nowhere', longitude: undefined, latitude: undefined }));
    // 300 m from P, but a viewer may not read where
    await post('secret', 'hidden-geo', { site_name: 'secret', longitude: 121.473, latitude: 31.23 });
  });
  afterAll(async () => app?.stop());

  it('orders by great-circle distance and answers each distance in metres', async () => {
    const res = await list(`near=${P.lng},${P.lat}`);
    expect(res.status).toBe(200);
    expect(sites(res)).toEqual(['here', 'secret', 'oneKm', 'fourKm', 'hangzhou']);
    for (const ticket of res.body.data as { form: { site_name: keyof typeof SITES | 'secret' }; distance: number }[]) {
      const [lng, lat] = ticket.form.site_name === 'secret' ? [121.473, 31.23] : SITES[ticket.form.site_name];
      expect(ticket.distance).toBe(Math.round(haversineMetres(P.lng, P.lat, lng, lat)));
    }
    expect(res.body.data[0].distance).toBe(0);
    expect(res.body.data[4].distance).toBeGreaterThan(150_000);
    expect(res.body.meta.pagination.total).toBe(5);
    // a plain list has no distances
    expect((await list('')).body.data.every((t: object) => !('distance' in t))).toBe(true);
  });

  it('pages in distance order, keeps the other filters and narrows by type and radius', async () => {
    const page2 = await list(`near=${P.lng},${P.lat}&pageSize=2&page=2`);
    expect(sites(page2)).toEqual(['oneKm', 'fourKm']);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
    expect(sites(await list(`near=${P.lng},${P.lat}&pageSize=2&page=3`))).toEqual(['hangzhou']);
    expect(sites(await list(`near=${P.lng},${P.lat}&type=bs-fault`))).toEqual(['here', 'fourKm', 'hangzhou']);
    const within = await list(`near=${P.lng},${P.lat}&radius=2000`);
    expect(sites(within)).toEqual(['here', 'secret', 'oneKm']);
    expect(within.body.meta.pagination.total).toBe(3);
    // a circle's edge is the exact distance, not its bounding box: fourKm's corner is inside the box of 3.6 km
    const fourKm = Math.round(haversineMetres(P.lng, P.lat, ...SITES.fourKm));
    expect(sites(await list(`near=${P.lng},${P.lat}&radius=${fourKm - 5}`))).toEqual(['here', 'secret', 'oneKm']);
    expect(sites(await list(`near=${P.lng},${P.lat}&radius=${fourKm + 5}`))).toEqual(['here', 'secret', 'oneKm', 'fourKm']);
    expect(sites(await list(`near=${P.lng},${P.lat}&status=submitted`))).toEqual([]);
    expect(sites(await list(`near=${P.lng},${P.lat}&status=draft&type=site-survey`))).toEqual(['oneKm']);
  });

  it('finds tickets across the 180th meridian', async () => {
    await request(app.strapi.server.httpServer)
      .post('/api/ticketing/tickets')
      .set('Authorization', `Bearer ${tokens.publisher}`)
      .send({ data: { type: 'site-survey', form: siteSurveyForm({ site_name: 'fiji', longitude: 179.99, latitude: -16.5 }) } })
      .expect(201);
    const res = await list('near=-179.99,-16.5&radius=5000');
    expect(sites(res)).toEqual(['fiji']);
    expect(res.body.data[0].distance).toBe(Math.round(haversineMetres(-179.99, -16.5, 179.99, -16.5)));
    expect(res.body.data[0].distance).toBeLessThan(2200);
  });

  it.each([
    ['near=abc', /near must be/],
    ['near=121.47', /near must be/],
    ['near=121.47,31.23,5', /near must be/],
    ['near=181,31', /longitude must be between -180 and 180/],
    ['near=121,-90.5', /latitude must be between -90 and 90/],
    ['near=121,31&radius=0', /radius must be/],
    ['near=121,31&radius=-5', /radius must be/],
    ['near=121,31&radius=ten', /radius must be/],
    ['near=121,31&radius=30000000', /radius must be/],
    ['radius=500', /radius needs near/],
    ['near=121,31&sort=created_at:desc', /leave sort out/],
    ['near=121,31&type=maintenance', /type maintenance has no longitude and latitude/],
  ])('%s is a 400 naming the mistake', async (query, message) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('tells a role nothing of coordinates it may not read: not the distance, not the order, not the radius', async () => {
    // (within 1,000 km: the Fiji ticket of the test before is out of it)
    const viewer = await list(`near=${P.lng},${P.lat}&radius=1000000`, 'viewer');
    expect(viewer.status).toBe(200);
    expect(sites(viewer)).toEqual(['here', 'oneKm', 'fourKm', 'hangzhou']);
    expect(viewer.body.meta.pagination.total).toBe(4);
    expect(sites(await list(`near=${P.lng},${P.lat}&radius=500`, 'viewer'))).toEqual(['here']);
    const named = await list(`near=${P.lng},${P.lat}&type=hidden-geo`, 'viewer');
    expect(named.status).toBe(400);
    expect(named.body.error.message).toMatch(/type hidden-geo has no longitude and latitude you may read/);
    // the ticket itself is readable, without the position, as before
    const plain = await list('type=hidden-geo', 'viewer');
    expect(sites(plain)).toEqual(['secret']);
    expect(plain.body.data[0].form).not.toHaveProperty('longitude');
    // a role that reads them gets the ticket with its distance
    const publisher = await list(`near=${P.lng},${P.lat}&type=hidden-geo`);
    expect(publisher.body.data[0].distance).toBe(Math.round(haversineMetres(P.lng, P.lat, 121.473, 31.23)));
  });

  it('finds the candidates with the GiST index on the position, with and without a radius', async () => {
    const db = app.strapi.db.connection;
    await db.raw(`
      INSERT INTO ticketing_tickets (document_id, type_key, type_version, state, form_data, version, created_at, updated_at, published_at)
      SELECT 'geo' || lpad(i::text, 20, '0'), 'bs-fault', 1, 'draft',
             jsonb_build_object('site_name', '站点' || i, 'longitude', 100 + (i % 400) * 0.07, 'latitude', 20 + (i / 400) * 0.07),
             1, now() - i * interval '1 second', now(), now()
      FROM generate_series(1, 40000) AS i`);
    await db.raw('ANALYZE ticketing_tickets');
    const tickets = app.strapi.plugin('ticketing').service('tickets');
    const plan = async (query: Record<string, unknown>) => {
      const { rows } = await tickets.listQueries(query);
      const { sql, bindings } = rows.toSQL().toNative();
      const result = await db.raw(`EXPLAIN (FORMAT JSON) ${sql.replace(/\$(\d+)/g, '?')}`, bindings);
      return JSON.stringify(result.rows[0]['QUERY PLAN']);
    };
    for (const query of [{ near: '110,25', radius: '5000' }, { near: '110,25' }, { near: '110,25', type: 'bs-fault' }]) {
      const page = await plan(query);
      expect(page).toMatch(/"Index Name":"tkt_bs_fault_position"/);
      expect(page).not.toMatch(/"Node Type":"Seq Scan"/);
    }
    // and the answer is still the nearest, in order
    const res = await list('near=110,25&pageSize=5');
    const distances = res.body.data.map((t: { distance: number }) => t.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const nearest = await db.raw(`
      SELECT document_id FROM ticketing_tickets WHERE form_data->>'longitude' IS NOT NULL AND type_key IN ('bs-fault', 'site-survey')
      ORDER BY 2 * asin(sqrt(power(sin(radians((form_data->>'latitude')::float8 - 25) / 2), 2)
        + cos(radians(25)) * cos(radians((form_data->>'latitude')::float8)) * power(sin(radians((form_data->>'longitude')::float8 - 110) / 2), 2))), id
      LIMIT 5`);
    expect(res.body.data.map((t: { documentId: string }) => t.documentId)).toEqual(nearest.rows.map((r: { document_id: string }) => r.document_id));
  });
});
