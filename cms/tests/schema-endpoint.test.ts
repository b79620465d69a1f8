import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';

type Schema = {
  required: string[];
  properties: Record<string, Record<string, any>>;
  additionalProperties: boolean;
  $schema: string;
  title: string;
};

describe('schema endpoint', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  const api = () => request(app.strapi.server.httpServer);
  const schemaOf = async (key: string, query = '') => {
    const res = await api().get(`/api/ticketing/ticket-types/${key}/schema${query}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body.data as { key: string; version: number; schema: Schema; uiSchema: Record<string, any> };
  };

  beforeAll(async () => {
    app = await startTestApp();
    // a publisher reads and writes every field (what a viewer is not sent: field-access.test.ts)
    token = await userToken(app.strapi, 'publisher');
  });
  afterAll(async () => app?.stop());

  it('lists the active seed types with names and versions', async () => {
    const res = await api().get('/api/ticketing/ticket-types').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ key: 'bs-fault', version: 1, name: { 'zh-CN': '5G基站故障工单', en: '5G base station fault' } }),
      expect.objectContaining({ key: 'maintenance', version: 1, name: { 'zh-CN': '计划维护作业', en: 'Planned maintenance' } }),
      expect.objectContaining({ key: 'site-survey', version: 1, name: { 'zh-CN': '5G站点勘察', en: '5G site survey' } }),
    ]);
  });

  it('serves bs-fault as draft-07 with every rule of the spec', async () => {
    const { schema, uiSchema, version } = await schemaOf('bs-fault');
    const p = schema.properties;
    expect(version).toBe(1);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // unknown keys are refused by the server's validator, not the schema: conditional fields live in allOf
    expect(schema).not.toHaveProperty('allOf');
    expect(uiSchema['ui:order']).toEqual([
      'site_name', 'gnb_id', 'pci', 'nr_arfcn', 'band', 'fault_type', 'severity',
      'occurred_at', 'longitude', 'latitude', 'reporter_phone', 'description',
    ]);
    expect(schema.required.sort()).toEqual(['gnb_id', 'occurred_at', 'pci', 'severity', 'site_name']);
    expect(p.site_name).toMatchObject({ type: 'string', minLength: 1, maxLength: 64, title: '站点名称' });
    expect(p.gnb_id).toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295, title: 'gNodeB标识' });
    expect(p.pci).toMatchObject({ type: 'integer', minimum: 0, maximum: 1007, title: '物理小区标识' });
    expect(p.nr_arfcn).toMatchObject({ type: 'integer', minimum: 0, maximum: 3279165, title: '频点' });
    expect(p.band.oneOf.map((o: { const: string }) => o.const)).toEqual(['n1', 'n3', 'n28', 'n41', 'n77', 'n78', 'n79']);
    expect(p.fault_type.oneOf).toEqual([
      { const: 'site_outage', title: '断站' },
      { const: 'cell_down', title: '小区退服' },
      { const: 'interference', title: '干扰' },
      { const: 'transmission', title: '传输中断' },
      { const: 'power', title: '电源告警' },
      { const: 'other', title: '其他' },
    ]);
    expect(p.severity.oneOf).toEqual([
      { const: 'critical', title: '紧急' },
      { const: 'major', title: '重要' },
      { const: 'minor', title: '一般' },
    ]);
    expect(p.occurred_at).toMatchObject({ type: 'string', format: 'date-time', title: '发生时间' });
    expect(p.longitude).toMatchObject({ type: 'number', minimum: -180, maximum: 180 });
    expect(p.latitude).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(p.reporter_phone).toMatchObject({ type: 'string', pattern: '^1[3-9]\\d{9}$', title: '联系电话' });
    expect(p.description).toMatchObject({ type: 'string', maxLength: 2000, title: '故障描述' });
    expect(uiSchema.description['ui:widget']).toBe('textarea');
  });

  it('serves site-survey with every rule of the spec', async () => {
    const { schema } = await schemaOf('site-survey');
    const p = schema.properties;
    expect(schema.required.sort()).toEqual(['address', 'latitude', 'longitude', 'site_name', 'survey_date']);
    expect(p.site_name).toMatchObject({ type: 'string', minLength: 1, maxLength: 64 });
    expect(p.address).toMatchObject({ type: 'string', maxLength: 200, title: '详细地址' });
    expect(p.longitude).toMatchObject({ type: 'number', minimum: -180, maximum: 180 });
    expect(p.latitude).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(p.tower_height).toMatchObject({ type: 'number', minimum: 0, maximum: 200, title: '塔高' });
    expect(p.antenna_count).toMatchObject({ type: 'integer', minimum: 1, maximum: 24 });
    expect(p.power_supply.oneOf).toEqual([
      { const: 'grid', title: '市电' },
      { const: 'generator', title: '油机' },
      { const: 'solar', title: '太阳能' },
    ]);
    expect(p.survey_date).toMatchObject({ type: 'string', format: 'date' });
    expect(p.surveyor).toMatchObject({ type: 'string', maxLength: 32 });
    expect(p.photos).toMatchObject({ type: 'array', maxItems: 20, title: '现场照片' });
  });

  it('serves maintenance with its conditions and its end-after-start rule', async () => {
    const { schema, uiSchema } = await schemaOf('maintenance', '?locale=en');
    expect(Object.keys(schema.properties)).toEqual(['site_name', 'work_type', 'start_at', 'end_at', 'impact', 'approver_phone']);
    expect(uiSchema['ui:order']).toEqual(['site_name', 'work_type', 'work_detail', 'start_at', 'end_at', 'impact', 'outage_minutes', 'approver_phone']);
    expect(schema.properties.end_at).toMatchObject({ format: 'date-time', 'x-after': 'start_at' });
    const conditions = (schema as unknown as { allOf: { if: unknown; then: { properties?: object; required?: string[] } }[] }).allOf;
    expect(conditions.find((c) => c.then.properties && 'outage_minutes' in c.then.properties)?.if).toEqual({
      properties: { impact: { enum: ['degraded', 'outage'] } },
      required: ['impact'],
    });
    expect(conditions.filter((c) => c.then.required).map((c) => c.then.required)).toEqual([['work_detail'], ['outage_minutes'], ['approver_phone']]);
  });

  it('labels in the requested locale, from ?locale= or Accept-Language', async () => {
    const { schema } = await schemaOf('bs-fault', '?locale=en');
    expect(schema.title).toBe('5G base station fault');
    expect(schema.properties.severity.title).toBe('Severity');
    expect(schema.properties.severity.oneOf[0]).toEqual({ const: 'critical', title: 'Critical' });
    const res = await api()
      .get('/api/ticketing/ticket-types/site-survey/schema')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en-US,en;q=0.9');
    expect(res.body.data.schema.properties.tower_height.title).toBe('Tower height (m)');
  });

  it('answers 4xx naming what is wrong, never 500', async () => {
    const get = (path: string) => api().get(path).set('Authorization', `Bearer ${token}`);
    const unknownType = await get('/api/ticketing/ticket-types/no-such-type/schema');
    expect(unknownType.status).toBe(404);
    expect(unknownType.body.error.message).toContain('no-such-type');
    const badLocale = await get('/api/ticketing/ticket-types/bs-fault/schema?locale=fr');
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.error.message).toContain('"fr"');
    const missingVersion = await get('/api/ticketing/ticket-types/bs-fault/schema?version=9');
    expect(missingVersion.status).toBe(404);
    expect(missingVersion.body.error.message).toContain('version 9');
    const badVersion = await get('/api/ticketing/ticket-types/bs-fault/schema?version=abc');
    expect(badVersion.status).toBe(400);
  });

  it('refuses callers without a user', async () => {
    const res = await api().get('/api/ticketing/ticket-types');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/Authentication required/);
    expect(res.body.data).toBeNull();
  });
});
