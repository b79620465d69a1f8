import path from 'node:path';
import { builtinFieldTypes } from '../field-types/builtins';
import { buildFormSchema, FieldDefinitionValidator, FieldTypeRegistry, type FieldDefinition } from '../field-types';
import { readSeedFile } from '../services/seed';
import { FormValidator } from './form-validator';

const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((t) => registry.register(t));
const fieldsValidator = new FieldDefinitionValidator(registry);
const repo = path.resolve(__dirname, '../../../../..');
const maintenance = readSeedFile(path.join(repo, 'config/ticket-types/maintenance.yaml'), (f) => fieldsValidator.validate(f));
const source = { ...maintenance, version: 1 };
const ctx = { timeZone: 'Asia/Shanghai' };

/** The table the portal's RJSF validator runs too (portal/src/test/condition-cases.json). */
interface ConditionCase {
  name: string;
  form: Record<string, unknown>;
  visible: string[];
  errors: string[];
}
const cases: ConditionCase[] = require(path.join(repo, 'portal/src/test/condition-cases.json'));

describe('maintenance conditions on the server', () => {
  const validator = new FormValidator(registry);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = validator.validate(c.form, source, 'en', ctx);
    const failing = result.ok ? [] : [...new Set(result.errors.map((e) => e.field))].sort();
    expect(failing).toEqual(c.errors);
    if (result.ok) {
      // what is saved holds no value of a field that is hidden for it
      const hidden = maintenance.fields.map((f) => f.key).filter((k) => !c.visible.includes(k));
      expect(Object.keys(result.form).filter((k) => hidden.includes(k))).toEqual([]);
    }
  });

  it('names the earlier field when an end is not after the start, in either language', () => {
    const form = { ...cases[0].form, end_at: '2026-12-01T09:00:00+08:00' };
    const en = validator.validate(form, source, 'en', ctx);
    const zh = validator.validate(form, source, 'zh-CN', ctx);
    expect(en.ok ? [] : en.errors).toEqual([{ field: 'end_at', label: 'End', message: 'must be later than Start' }]);
    expect(zh.ok ? [] : zh.errors).toEqual([{ field: 'end_at', label: '结束时间', message: '必须晚于开始时间' }]);
  });

  it('keeps a visible conditional value and reads loose input for it', () => {
    const result = validator.validate({ ...cases[0].form, impact: '业务中断', outage_minutes: '45', approver_phone: '13800138000' }, source, 'en', ctx);
    expect(result).toEqual({ ok: true, form: expect.objectContaining({ impact: 'outage', outage_minutes: 45 }) });
  });
});

describe('the served maintenance schema', () => {
  it('puts conditional fields under if/then and required-when rules beside them', () => {
    const { schema, uiSchema } = buildFormSchema(maintenance, 'en', registry);
    expect(Object.keys(schema.properties as object)).toEqual(['site_name', 'work_type', 'start_at', 'end_at', 'impact', 'approver_phone']);
    expect(schema.required).toEqual(['site_name', 'work_type', 'start_at', 'end_at', 'impact']);
    expect(schema.allOf).toEqual([
      { if: { properties: { work_type: { const: 'other' } }, required: ['work_type'] }, then: { properties: { work_detail: expect.objectContaining({ maxLength: 500 }) } } },
      {
        if: { allOf: [{ properties: { work_type: { const: 'other' } }, required: ['work_type'] }, { properties: { work_type: { const: 'other' } }, required: ['work_type'] }] },
        then: { required: ['work_detail'] },
      },
      { if: { properties: { impact: { enum: ['degraded', 'outage'] } }, required: ['impact'] }, then: { properties: { outage_minutes: expect.objectContaining({ type: 'integer' }) } } },
      expect.objectContaining({ then: { required: ['outage_minutes'] } }),
      { if: { properties: { impact: { const: 'outage' } }, required: ['impact'] }, then: { required: ['approver_phone'] } },
    ]);
    expect((schema.properties as Record<string, object>).end_at).toMatchObject({ 'x-after': 'start_at' });
    expect(uiSchema['ui:order']).toEqual(maintenance.fields.map((f) => f.key));
  });
});

describe('field access in the served schema', () => {
  const bsFault = readSeedFile(path.join(repo, 'config/ticket-types/bs-fault.yaml'), (f) => fieldsValidator.validate(f));
  const props = (role?: string | null) => buildFormSchema(bsFault, 'en', registry, role);

  it('leaves out what a role may not read and makes read-only what it may not write', () => {
    const viewer = props('viewer');
    expect(Object.keys(viewer.schema.properties as object)).not.toContain('reporter_phone');
    expect(viewer.uiSchema['ui:order']).not.toContain('reporter_phone');
    const handler = props('handler');
    expect((handler.schema.properties as Record<string, object>).reporter_phone).toBeDefined();
    expect((handler.schema.properties as Record<string, object>).severity).toMatchObject({ readOnly: true });
    expect(handler.uiSchema.severity).toMatchObject({ 'ui:readonly': true });
    const publisher = props('publisher');
    expect((publisher.schema.properties as Record<string, object>).severity).not.toHaveProperty('readOnly');
  });

  it('applies no per-field access without a role (what the server validates with) and all of it to the system', () => {
    for (const role of [undefined, null]) {
      const { schema } = props(role);
      expect(Object.keys(schema.properties as object)).toContain('reporter_phone');
      expect((schema.properties as Record<string, object>).severity).not.toHaveProperty('readOnly');
    }
  });
});

describe('designing conditions', () => {
  const base: FieldDefinition[] = [
    { key: 'kind', type: 'enum', label: { 'zh-CN': '类', en: 'Kind' }, rules: { options: [{ value: 'a', label: { 'zh-CN': 'A', en: 'A' } }] } },
    { key: 'when', type: 'date', label: { 'zh-CN': '日', en: 'Day' } },
    { key: 'count', type: 'integer', label: { 'zh-CN': '数', en: 'Count' } },
    { key: 'note', type: 'text', label: { 'zh-CN': '注', en: 'Note' } },
  ];
  const issues = (change: Partial<FieldDefinition>, at = 'note') =>
    fieldsValidator.validate(base.map((f) => (f.key === at ? { ...f, ...change } : f)));

  it('accepts every kind of test, combined', () => {
    const visibleWhen = {
      any: [{ field: 'kind', equals: 'a' }, { all: [{ field: 'count', min: 1, max: 9 }, { field: 'when', min: '2026-01-01' }, { field: 'kind', empty: true }] }],
    };
    expect(issues({ visibleWhen, requiredWhen: { field: 'kind', in: ['a'] } })).toEqual([]);
    expect(issues({ after: 'count' }, 'count')).toEqual([{ field: 'count', path: 'after', message: 'cannot name the field itself' }]);
  });

  it.each([
    [{ visibleWhen: { field: 'missing', equals: 1 } }, 'visibleWhen', 'tests "missing", which is not a field of this type'],
    [{ requiredWhen: { field: 'note', empty: true } }, 'requiredWhen', 'cannot test the field itself (note)'],
    [{ visibleWhen: { field: 'kind', equals: 'b' } }, 'visibleWhen', '"b" is not a value of "kind"'],
    [{ visibleWhen: { field: 'count', min: 'one' } }, 'visibleWhen', 'a range on "count" needs number bounds'],
    [{ visibleWhen: { field: 'when', max: '2026-02-30' } }, 'visibleWhen', '"2026-02-30" is not a value of "when"'],
    [{ visibleWhen: { field: 'kind', min: 1 } }, 'visibleWhen', '"kind" (enum) has no order'],
    [{ after: 'kind' }, 'after', 'must both be numbers, both dates or both date-times'],
  ])('refuses %j', (change, path, message) => {
    expect(issues(change)).toEqual([{ field: 'note', path, message: expect.stringContaining(message) }]);
  });

  it('refuses a malformed condition or access list by its shape', () => {
    expect(issues({ visibleWhen: { field: 'kind', equals: 'a', in: ['a'] } as never })).not.toEqual([]);
    expect(issues({ access: { read: ['Viewer!'] } })).not.toEqual([]);
    expect(issues({ access: { read: ['viewer'], write: [] } })).toEqual([]);
  });
});

describe('range conditions on dates and date-times', () => {
  const label = { 'zh-CN': '字段', en: 'Field' };
  const source = {
    key: 'ranges',
    name: label,
    version: 1,
    fields: [
      { key: 'day', type: 'date', label },
      { key: 'moment', type: 'date-time', label },
      { key: 'note', type: 'string', label, visibleWhen: { field: 'day', min: '2026-01-01', max: '2026-12-31' } },
      { key: 'memo', type: 'string', label, requiredWhen: { field: 'moment', max: '2026-06-01T00:00:00+08:00' } },
    ],
  };
  const validator = new FormValidator(registry);
  const check = (form: Record<string, unknown>) => validator.validate(form, source, 'en', ctx);

  it('shows a field while a date lies within the range, bounds included', () => {
    for (const day of ['2026-01-01', '2026-07-15', '2026-12-31']) expect(check({ day, note: 'kept' })).toEqual({ ok: true, form: { day, note: 'kept' } });
    for (const day of ['2025-12-31', '2027-01-01']) expect(check({ day, note: 'dropped' })).toEqual({ ok: true, form: { day } });
  });

  it('compares date-times as instants, whatever offset they were written in', () => {
    // 2026-05-31T17:00Z is 2026-06-01T01:00+08:00: after the bound
    expect(check({ moment: '2026-05-31T17:00:00Z' })).toEqual({ ok: true, form: { moment: '2026-06-01T01:00:00+08:00' } });
    const before = check({ moment: '2026-05-31T15:59:00Z' });
    expect(before.ok ? [] : before.errors.map((e) => e.field)).toEqual(['memo']);
  });
});

describe('the portal’s copy of the compiled maintenance schema', () => {
  it('is what the server compiles (zh-CN, as a handler): the portal’s condition tests run on the real thing', () => {
    const copy = require(path.join(repo, 'portal/src/test/maintenance-schema.json'));
    const { schema, uiSchema } = buildFormSchema(maintenance, 'zh-CN', registry, 'handler');
    expect({ schema: copy.schema, uiSchema: copy.uiSchema }).toEqual({ schema, uiSchema });
  });
});
