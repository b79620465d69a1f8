import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { adminToken, userToken } from './helpers/users';

const UID = 'plugin::ticketing.ticket-type';
const CM = `/content-manager/collection-types/${UID}`;
const label = (en: string) => ({ 'zh-CN': en, en });

/** A type using every field rule the designer edits: access, visibleWhen, requiredWhen, after. */
const ruledFields = () => [
  { key: 'kind', type: 'enum', label: label('Kind'), required: true, rules: { options: [{ value: 'a', label: label('A') }, { value: 'b', label: label('B') }] } },
  { key: 'count', type: 'integer', label: label('Count'), rules: { minimum: 0 } },
  { key: 'note', type: 'text', label: label('Note'), visibleWhen: { field: 'kind', equals: 'b' }, requiredWhen: { field: 'count', min: 10 } },
  {
    key: 'secret',
    type: 'string',
    label: label('Secret'),
    access: { read: ['handler', 'admin'], write: ['admin'] },
    visibleWhen: { any: [{ field: 'kind', in: ['a'] }, { all: [{ field: 'count', min: 1, max: 5 }, { field: 'note', empty: false }] }] },
  },
  { key: 'starts', type: 'date', label: label('Starts') },
  { key: 'ends', type: 'date', label: label('Ends'), after: 'starts' },
];

describe('the field designer: access and conditions through the admin API', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  const api = () => request(app.strapi.server.httpServer);
  const preview = (body: Record<string, unknown>) => api().post('/ticketing/form-preview?locale=en').set('Authorization', `Bearer ${admin}`).send(body);
  const bsFault = () => app.strapi.db.query(UID).findOne({ where: { key: 'bs-fault' } });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app.strapi);
  });
  afterAll(async () => app?.stop());

  describe('POST /ticketing/form-preview honours role', () => {
    it('shows every field, none read-only, without a role', async () => {
      const { fields } = await bsFault();
      const res = await preview({ fields });
      expect(res.status).toBe(200);
      expect(res.body.data.schema.properties).toHaveProperty('reporter_phone');
      expect(res.body.data.schema.properties.severity.readOnly).toBeUndefined();
    });

    it('leaves out for a viewer what a viewer may not read', async () => {
      const { fields } = await bsFault();
      const res = await preview({ fields, role: 'viewer' });
      expect(res.status).toBe(200);
      expect(res.body.data.schema.properties).not.toHaveProperty('reporter_phone');
      expect(res.body.data.schema.required).not.toContain('reporter_phone');
      expect(res.body.data.uiSchema['ui:order']).not.toContain('reporter_phone');
    });

    it('marks read-only for a handler what only publishers and admins may write', async () => {
      const { fields } = await bsFault();
      const handler = await preview({ fields, role: 'handler' });
      expect(handler.body.data.schema.properties.reporter_phone).toBeDefined();
      expect(handler.body.data.schema.properties.severity.readOnly).toBe(true);
      expect(handler.body.data.uiSchema.severity['ui:readonly']).toBe(true);
      const publisher = await preview({ fields, role: 'publisher' });
      expect(publisher.body.data.schema.properties.severity.readOnly).toBeUndefined();
    });

    it('drops a hidden conditional field from the role’s view of the conditions too', async () => {
      const res = await preview({ fields: ruledFields(), role: 'viewer' });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body.data.schema)).not.toContain('"secret"');
      const asHandler = await preview({ fields: ruledFields(), role: 'handler' });
      const branches = asHandler.body.data.schema.allOf.map((b: any) => Object.keys(b.then.properties ?? {})).flat();
      expect(branches).toEqual(expect.arrayContaining(['note', 'secret']));
      expect(asHandler.body.data.uiSchema.secret['ui:readonly']).toBe(true);
    });

    it('refuses a role that is not a role type with a 400', async () => {
      const res = await preview({ fields: ruledFields(), role: 'Not A Role' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/role/);
    });
  });

  it('lists the role types the access editor offers, admin-made roles included', async () => {
    await userToken(app.strapi, 'night-shift');
    const res = await api().get('/users-permissions/roles').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.roles.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['viewer', 'handler', 'publisher', 'admin', 'night-shift']));
  });

  it('saves a type with access, conditions and after, and reads them back unchanged', async () => {
    const created = await api()
      .post(CM)
      .set('Authorization', `Bearer ${admin}`)
      .send({ key: 'ruled', nameZh: '规则', nameEn: 'Ruled', active: true, fields: ruledFields() });
    expect(created.status).toBe(201);
    expect(created.body.data.fields).toEqual(ruledFields());
    const stored = await app.strapi.db.query(UID).findOne({ where: { key: 'ruled' } });
    expect(stored.fields).toEqual(ruledFields());

    const edited = ruledFields().map((f) => (f.key === 'note' ? { ...f, requiredWhen: { field: 'kind', empty: false } } : f));
    const updated = await api().put(`${CM}/${stored.documentId}`).set('Authorization', `Bearer ${admin}`).send({ ...stored, fields: edited });
    expect(updated.status).toBe(200);
    expect(updated.body.data.version).toBe(2);
    expect(updated.body.data.fields.find((f: { key: string }) => f.key === 'note').requiredWhen).toEqual({ field: 'kind', empty: false });
  });

  describe('refuses a bad condition with a 400 naming the field', () => {
    const cases: [string, (fields: any[]) => any[], RegExp][] = [
      ['a test of a missing field', (f) => f.map((x) => (x.key === 'note' ? { ...x, visibleWhen: { field: 'gone', empty: true } } : x)), /note\.visibleWhen .*gone/],
      ['a field testing itself', (f) => f.map((x) => (x.key === 'count' ? { ...x, requiredWhen: { field: 'count', min: 1 } } : x)), /count\.requiredWhen .*itself/],
      ['a value the tested field cannot hold', (f) => f.map((x) => (x.key === 'note' ? { ...x, visibleWhen: { field: 'kind', equals: 'c' } } : x)), /note\.visibleWhen .*"c"/],
      ['after naming a field of another kind', (f) => f.map((x) => (x.key === 'ends' ? { ...x, after: 'count' } : x)), /ends\.after /],
      ['an unknown test', (f) => f.map((x) => (x.key === 'note' ? { ...x, visibleWhen: { field: 'kind', like: 'a' } } : x)), /note\.visibleWhen/],
    ];
    it.each(cases)('%s', async (_name, edit, message) => {
      const stored = await app.strapi.db.query(UID).findOne({ where: { key: 'ruled' } });
      const res = await api().put(`${CM}/${stored.documentId}`).set('Authorization', `Bearer ${admin}`).send({ ...stored, fields: edit(stored.fields) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const after = await app.strapi.db.query(UID).findOne({ where: { key: 'ruled' } });
      expect(after.fields).toEqual(stored.fields);
      // the designer's preview names the same problem before the admin saves
      const shown = await preview({ fields: edit(stored.fields) });
      expect(shown.status).toBe(200);
      expect(shown.body.data.issues.map((i: { field: string; path: string; message: string }) => `${i.field}.${i.path} ${i.message}`).join('\n')).toMatch(message);
    });
  });
});
