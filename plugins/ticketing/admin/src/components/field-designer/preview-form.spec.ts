import { previewForm } from './preview-form';

const when = (field: string, test: Record<string, unknown>) => ({ properties: { [field]: test }, required: [field] });
const options = (...values: string[]) => ({ type: 'string', enum: values });

/** The maintenance form as the field-rule contract compiles it (abridged). */
const schema = {
  type: 'object',
  properties: {
    work_type: options('power_maintenance', 'other'),
    start_at: { type: 'string', format: 'date-time', title: 'Start' },
    end_at: { type: 'string', format: 'date-time', 'x-after': 'start_at', readOnly: true },
    impact: options('none', 'degraded', 'outage'),
    approver_phone: { type: 'string' },
  },
  required: ['work_type', 'start_at', 'end_at', 'impact'],
  allOf: [
    {
      if: when('work_type', { const: 'other' }),
      then: { properties: { work_detail: { type: 'string', maxLength: 500 } }, required: ['work_detail'] },
    },
    { if: when('impact', { enum: ['degraded', 'outage'] }), then: { properties: { outage_minutes: { type: 'integer', minimum: 1 } } } },
    {
      if: { allOf: [when('impact', { enum: ['degraded', 'outage'] }), when('impact', { const: 'outage' })] },
      then: { required: ['outage_minutes'] },
    },
    { if: when('impact', { const: 'outage' }), then: { required: ['approver_phone'] } },
    // a field shown only while another conditional field holds a value
    { if: when('outage_minutes', { minimum: 60 }), then: { properties: { escalation: { type: 'string' } } } },
  ],
};
const uiSchema = {
  'ui:order': ['work_type', 'work_detail', 'start_at', 'end_at', 'impact', 'outage_minutes', 'escalation', 'approver_phone'],
  approver_phone: { 'ui:readonly': true },
};
const shown = (values: Record<string, unknown>) =>
  previewForm(schema, uiSchema, values).fields.map((f) => `${f.key}${f.required ? '*' : ''}${f.readOnly ? ' (read-only)' : ''}`);

describe('previewForm', () => {
  it('shows the unconditional fields in the form order, with their required and read-only marks', () => {
    expect(shown({})).toEqual(['work_type*', 'start_at*', 'end_at* (read-only)', 'impact*', 'approver_phone (read-only)']);
  });

  it('shows a field, required, once a value meets its condition', () => {
    expect(shown({ work_type: 'other' })).toContain('work_detail*');
    expect(shown({ work_type: 'power_maintenance' })).not.toContain('work_detail*');
  });

  it('requires a visible field only when its requiredWhen holds, and another field alongside', () => {
    expect(shown({ impact: 'degraded' })).toEqual(expect.arrayContaining(['outage_minutes', 'approver_phone (read-only)']));
    expect(shown({ impact: 'outage' })).toEqual(expect.arrayContaining(['outage_minutes*', 'approver_phone* (read-only)']));
  });

  it('drops the values of fields that become hidden, and what they alone showed', () => {
    const open = previewForm(schema, uiSchema, { impact: 'outage', outage_minutes: 90, escalation: 'NOC' });
    expect(open.fields.map((f) => f.key)).toContain('escalation');
    const closed = previewForm(schema, uiSchema, { ...open.values, impact: 'none' });
    expect(closed.values).toEqual({ impact: 'none' });
    expect(closed.fields.map((f) => f.key)).not.toContain('outage_minutes');
    expect(closed.fields.map((f) => f.key)).not.toContain('escalation');
  });

  it('treats blank inputs as absent', () => {
    expect(previewForm(schema, uiSchema, { work_type: '', impact: 'none' }).values).toEqual({ impact: 'none' });
  });

  it('says when a value is not later than the one x-after names, comparing instants', () => {
    const errorOf = (start: string, end: string) =>
      previewForm(schema, uiSchema, { start_at: start, end_at: end }).fields.find((f) => f.key === 'end_at')?.error;
    expect(errorOf('2026-03-01T10:00:00+08:00', '2026-03-01T09:00:00+08:00')).toBe('must be later than Start');
    expect(errorOf('2026-03-01T10:00:00+08:00', '2026-03-01T10:00:00+08:00')).toBe('must be later than Start');
    expect(errorOf('2026-03-01T10:00:00+08:00', '2026-03-01T03:00:00Z')).toBe(undefined);
    expect(errorOf('2026-03-01T10:00:00+08:00', '2026-03-01T01:00:00Z')).toBe('must be later than Start');
  });

  it('says it in the preview language, as the server does', () => {
    const form = previewForm(
      { ...schema, properties: { ...schema.properties, start_at: { ...schema.properties.start_at, title: '开始时间' } } },
      uiSchema,
      {
        start_at: '2026-03-01T10:00:00+08:00',
        end_at: '2026-03-01T09:00:00+08:00',
      },
      'zh-CN',
    );
    expect(form.fields.find((f) => f.key === 'end_at')?.error).toBe('必须晚于开始时间');
  });
});
