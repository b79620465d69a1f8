import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { adminToken, userToken } from './helpers/users';

// The test-only plugin tests/fixtures/plugin-geo-point registers `geo-point` from its register().
describe('a field type added by another plugin', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  let user: string;
  const api = () => request(app.strapi.server.httpServer);
  const station = (rules: Record<string, unknown>) => ({
    key: 'tower-check',
    nameZh: '铁塔巡检',
    nameEn: 'Tower check',
    fields: [
      { key: 'site_name', type: 'string', label: { 'zh-CN': '站点名称', en: 'Site name' }, required: true },
      { key: 'position', type: 'geo-point', label: { 'zh-CN': '坐标', en: 'Position' }, required: true, rules },
    ],
  });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app.strapi);
    user = await userToken(app.strapi, 'viewer');
  });
  afterAll(async () => app?.stop());

  it('appears in the meta-schema and the designer list', async () => {
    const res = await api().get('/api/ticketing/field-types').set('Authorization', `Bearer ${user}`);
    expect(res.status).toBe(200);
    const names = res.body.data.types.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['string', 'integer', 'enum', 'images', 'geo-point']));
    const meta = res.body.data.metaSchema;
    expect(meta.items.properties.type.enum).toContain('geo-point');
    const rulesOfGeo = meta.items.allOf.find((c: any) => c.if.properties.type.const === 'geo-point');
    expect(rulesOfGeo.then.properties.rules.properties.precision).toEqual({ type: 'integer', minimum: 0, maximum: 8 });

    const designer = await api().get('/ticketing/field-types').set('Authorization', `Bearer ${admin}`);
    expect(designer.status).toBe(200);
    expect(designer.body.data.types.map((t: { name: string }) => t.name)).toContain('geo-point');
  });

  it('is validated by its own rules', async () => {
    const bad = await api()
      .post('/content-manager/collection-types/plugin::ticketing.ticket-type')
      .set('Authorization', `Bearer ${admin}`)
      .send(station({ precision: 20 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/position\.rules\.precision must be <= 8/);
  });

  it('is served by the schema endpoint once a type uses it', async () => {
    const created = await api()
      .post('/content-manager/collection-types/plugin::ticketing.ticket-type')
      .set('Authorization', `Bearer ${admin}`)
      .send(station({ precision: 5 }));
    expect(created.status).toBe(201);
    const res = await api().get('/api/ticketing/ticket-types/tower-check/schema?locale=en').set('Authorization', `Bearer ${user}`);
    expect(res.status).toBe(200);
    expect(res.body.data.schema.required).toEqual(['site_name', 'position']);
    expect(res.body.data.schema.properties.position).toMatchObject({
      type: 'object',
      title: 'Position',
      required: ['lat', 'lng'],
      properties: { lat: { type: 'number', minimum: -90, maximum: 90 } },
    });
    expect(res.body.data.uiSchema.position).toEqual({ 'ui:field': 'geo-point' });
  });

  it('parses loose input through the registry', () => {
    const geo = app.strapi.plugin('ticketing').service('field-types').get('geo-point');
    expect(geo.parse('31.23, 121.47')).toEqual({ ok: true, value: { lat: 31.23, lng: 121.47 } });
    expect(geo.parse('north').ok).toBe(false);
  });

  it('previews a form with the new type in the admin designer', async () => {
    const res = await api()
      .post('/ticketing/form-preview?locale=zh-CN')
      .set('Authorization', `Bearer ${admin}`)
      .send({ fields: station({}).fields });
    expect(res.status).toBe(200);
    expect(res.body.data.issues).toEqual([]);
    expect(res.body.data.schema.properties.position.title).toBe('坐标');

    const wrong = await api()
      .post('/ticketing/form-preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ fields: [{ key: 'p', type: 'nope', label: { 'zh-CN': 'a', en: 'a' } }] });
    expect(wrong.body.data.issues[0]).toMatchObject({ field: 'p', path: 'type' });

    const anonymous = await api().post('/ticketing/form-preview').send({ fields: [] });
    expect(anonymous.status).toBe(401);
  });
});
