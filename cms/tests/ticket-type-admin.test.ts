import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { adminToken, userToken } from './helpers/users';
import { labelTicketTypeView } from '../../plugins/ticketing/server/src/content-manager/ticket-type-view';

const UID = 'plugin::ticketing.ticket-type';
const CM = `/content-manager/collection-types/${UID}`;

describe('ticket types edited in the admin panel', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  const api = () => request(app.strapi.server.httpServer);
  const types = () => app.strapi.db.query(UID);
  const revisions = () => app.strapi.db.query('plugin::ticketing.ticket-type-revision');
  const bsFault = async () => types().findOne({ where: { key: 'bs-fault' } });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app.strapi);
  });
  afterAll(async () => app?.stop());

  it('labels the ticket-type views in the Content Manager, and keeps labels an admin chose', async () => {
    const configuration = () => api().get(`/content-manager/content-types/${UID}/configuration`).set('Authorization', `Bearer ${admin}`);
    const res = await configuration();
    expect(res.status).toBe(200);
    const { metadatas } = res.body.data.contentType;
    expect(metadatas.key.edit).toMatchObject({ label: 'Key · 类型标识', description: expect.stringMatching(/cannot change/) });
    expect(metadatas.nameZh.list.label).toBe('Name (Chinese) · 中文名称');
    expect(metadatas.fields.edit.label).toBe('Form fields · 表单字段');

    const own = { ...metadatas, nameEn: { ...metadatas.nameEn, edit: { ...metadatas.nameEn.edit, label: 'English title' } } };
    // what "Configure the view" stores
    await app.strapi.plugin('content-manager').service('content-types').updateConfiguration({ uid: UID }, { metadatas: own });
    await labelTicketTypeView(app.strapi);
    const after = (await configuration()).body.data.contentType.metadatas;
    expect(after.nameEn.edit.label).toBe('English title');
    expect(after.key.edit.label).toBe('Key · 类型标识');
  });

  it('seeds the three types once, with a revision for version 1', async () => {
    expect(await types().count()).toBe(3);
    expect(await revisions().count()).toBe(3);
    const again = await app.strapi.plugin('ticketing').service('seed').run();
    expect(again).toEqual({ created: [], kept: ['bs-fault', 'maintenance', 'site-survey'] });
    expect(await types().count()).toBe(3);
    expect(await revisions().count()).toBe(3);
  });

  it('bumps version and keeps a revision when an admin changes the fields, and the edit survives a restart', async () => {
    const before = await bsFault();
    const fields = before.fields.map((f: { key: string; label: Record<string, string> }) =>
      f.key === 'pci' ? { ...f, label: { ...f.label, en: 'Physical cell ID' } } : f,
    );
    const res = await api()
      .put(`${CM}/${before.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...before, fields, version: 99 });
    expect(res.status).toBe(200);
    expect(res.body.data.version).toBe(2);

    const revision2 = await revisions().findOne({ where: { typeKey: 'bs-fault', version: 2 } });
    expect(revision2.fields.find((f: { key: string }) => f.key === 'pci').label.en).toBe('Physical cell ID');
    const revision1 = await revisions().findOne({ where: { typeKey: 'bs-fault', version: 1 } });
    expect(revision1.fields.find((f: { key: string }) => f.key === 'pci').label.en).toBe('PCI');

    await app.restart();
    const after = await bsFault();
    expect(after.version).toBe(2);
    expect(after.fields.find((f: { key: string }) => f.key === 'pci').label.en).toBe('Physical cell ID');
    expect(await revisions().count({ where: { typeKey: 'bs-fault' } })).toBe(2);

    const token = await userToken(app.strapi, 'viewer');
    const current = await api().get('/api/ticketing/ticket-types/bs-fault/schema?locale=en').set('Authorization', `Bearer ${token}`);
    expect(current.body.data.version).toBe(2);
    expect(current.body.data.schema.properties.pci.title).toBe('Physical cell ID');
    const old = await api().get('/api/ticketing/ticket-types/bs-fault/schema?locale=en&version=1').set('Authorization', `Bearer ${token}`);
    expect(old.body.data.version).toBe(1);
    expect(old.body.data.schema.properties.pci.title).toBe('PCI');
  });

  it('keeps the version when an edit leaves the fields as they were', async () => {
    const before = await bsFault();
    const res = await api()
      .put(`${CM}/${before.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...before, description: 'new description' });
    expect(res.status).toBe(200);
    expect(res.body.data.version).toBe(before.version);
    expect(res.body.data.description).toBe('new description');
  });

  it('creates a new type from the admin with no code or restart', async () => {
    const res = await api()
      .post(CM)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        key: 'fiber-cut',
        nameZh: '光缆中断',
        nameEn: 'Fiber cut',
        active: true,
        fields: [
          { key: 'span', type: 'string', label: { 'zh-CN': '段落', en: 'Span' }, required: true, rules: { maxLength: 40 } },
          { key: 'length_m', type: 'number', label: { 'zh-CN': '长度', en: 'Length' }, rules: { minimum: 0 } },
        ],
      });
    expect(res.status).toBe(201);
    expect(res.body.data.version).toBe(1);
    const token = await userToken(app.strapi, 'viewer');
    const schema = await api().get('/api/ticketing/ticket-types/fiber-cut/schema').set('Authorization', `Bearer ${token}`);
    expect(schema.status).toBe(200);
    expect(schema.body.data.schema.required).toEqual(['span']);
    expect(schema.body.data.schema.properties.length_m).toMatchObject({ type: 'number', minimum: 0, title: '长度' });
  });

  describe('refuses bad field definitions with a 400 naming the field', () => {
    const cases: [string, (fields: any[]) => any[], RegExp][] = [
      ['an unknown type', (f) => [...f, { key: 'x1', type: 'colour', label: { 'zh-CN': '颜色', en: 'Colour' } }], /x1\.type must be one of .*string/],
      ['a duplicate key', (f) => [...f, { ...f[0] }], /site_name\.key is used by more than one field/],
      ['a rule of the wrong type', (f) => f.map((x) => (x.key === 'pci' ? { ...x, rules: { minimum: 0, maximum: 'lots' } } : x)), /pci\.rules\.maximum must be integer/],
      ['min above max', (f) => f.map((x) => (x.key === 'pci' ? { ...x, rules: { minimum: 10, maximum: 1 } } : x)), /pci\.rules /],
      ['a rule another type has', (f) => f.map((x) => (x.key === 'site_name' ? { ...x, rules: { minimum: 1 } } : x)), /site_name\.rules\.minimum is not allowed/],
      ['an enum without options', (f) => f.map((x) => (x.key === 'band' ? { ...x, rules: {} } : x)), /band\.rules must have required property 'options'/],
      ['a missing label', (f) => f.map((x) => (x.key === 'gnb_id' ? { ...x, label: { 'zh-CN': 'x' } } : x)), /gnb_id\.label must have required property 'en'/],
      ['a bad key', (f) => [...f, { key: 'Bad Key', type: 'string', label: { 'zh-CN': 'a', en: 'a' } }], /Bad Key\.key must match pattern/],
      ['not a list', () => ({ oops: true }) as never, /fields must be array/],
    ];
    it.each(cases)('%s', async (_name, edit, message) => {
      const before = await bsFault();
      const res = await api()
        .put(`${CM}/${before.documentId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...before, fields: edit(before.fields) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors.length).toBeGreaterThan(0);
      const after = await bsFault();
      expect(after.version).toBe(before.version);
      expect(after.fields).toEqual(before.fields);
    });
  });

  it('refuses to change a type key', async () => {
    const before = await bsFault();
    const res = await api()
      .put(`${CM}/${before.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...before, key: 'renamed' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('cannot change');
  });
});
