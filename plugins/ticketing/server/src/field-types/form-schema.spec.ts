import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { builtinFieldTypes } from './builtins';
import { buildFormSchema } from './form-schema';
import { FieldTypeRegistry } from './registry';

const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((t) => registry.register(t));

const source = {
  key: 'demo',
  name: { 'zh-CN': '演示', en: 'Demo' },
  fields: [
    { key: 'site_name', type: 'string', label: { 'zh-CN': '站点名称', en: 'Site name' }, required: true, rules: { maxLength: 8 }, help: { 'zh-CN': '例如 浦东1号' } },
    {
      key: 'severity',
      type: 'enum',
      label: { 'zh-CN': '严重程度', en: 'Severity' },
      rules: { options: [{ value: 'critical', label: { 'zh-CN': '紧急', en: 'Critical' } }] },
    },
    { key: 'occurred_at', type: 'date-time', label: { 'zh-CN': '发生时间', en: 'Occurred at' }, required: true },
  ],
};

describe('buildFormSchema', () => {
  it('titles, helps and requires fields in the requested locale and keeps their order', () => {
    const zh = buildFormSchema(source, 'zh-CN', registry);
    expect(zh.schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: '演示',
      type: 'object',
      required: ['site_name', 'occurred_at'],
      properties: { site_name: { title: '站点名称', description: '例如 浦东1号', maxLength: 8 } },
    });
    expect(zh.uiSchema['ui:order']).toEqual(['site_name', 'severity', 'occurred_at']);
    const en = buildFormSchema(source, 'en', registry);
    expect((en.schema.properties as any).severity).toMatchObject({ title: 'Severity', oneOf: [{ const: 'critical', title: 'Critical' }] });
    expect((en.schema.properties as any).site_name.description).toBeUndefined();
  });

  it('validates forms with ajv as the server and the portal will', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(buildFormSchema(source, 'en', registry).schema);
    expect(validate({ site_name: '浦东1号', severity: 'critical', occurred_at: '2026-11-30T08:15:00+08:00' })).toBe(true);
    expect(validate({ site_name: 'far too long a name', severity: '紧急', occurred_at: 'yesterday' })).toBe(false);
    const failing = (validate.errors ?? []).map((e) => e.instancePath || e.keyword);
    expect(failing).toEqual(expect.arrayContaining(['/site_name', '/severity', '/occurred_at']));
  });
});
