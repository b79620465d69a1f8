import { describe, expect, it } from 'vitest';
import validator from '@rjsf/validator-ajv8';
import { bsFaultSchema } from '../../../../test/schemas';
import { localizeErrors } from './validation-messages';

// the client validates with the very schema the server validates with
const validate = (form: Record<string, unknown>) => validator.validateFormData(form, bsFaultSchema.schema as never);
const good = { site_name: '张江01', gnb_id: 1, pci: 387, severity: 'critical', occurred_at: '2026-11-30T00:15:00.000Z' };

describe('client validation with the type schema', () => {
  it('passes a valid form', () => {
    expect(validate(good).errors).toEqual([]);
  });

  it('catches a PCI out of range under the PCI field, in Chinese by default', () => {
    const { errors } = validate({ ...good, pci: 2000 });
    const zh = localizeErrors(errors, 'zh-CN');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ property: '.pci', name: 'maximum', message: '应当 <= 1007' });
    expect(localizeErrors(errors, 'en')[0].message).toBe('must be <= 1007');
  });

  it('names missing required fields, a bad phone and a bad enum value in the UI language', () => {
    const { errors } = validate({ gnb_id: 1, pci: 1, occurred_at: '2026-11-30T00:15:00Z', reporter_phone: '12345', severity: 'urgent' });
    const zh = localizeErrors(errors, 'zh-CN');
    expect(zh.filter((e) => e.name === 'required').map((e) => [e.params.missingProperty, e.message])).toEqual([['site_name', '必填']]);
    expect(zh.find((e) => e.property === '.reporter_phone')?.message).toBe('格式不正确');
    // the enum's per-choice `const` errors fold into the one `oneOf` message
    expect(zh.filter((e) => e.property === '.severity').map((e) => e.message)).toEqual(['应当是预设值之一']);
    expect(localizeErrors(errors, 'en').find((e) => e.name === 'required')?.message).toBe('is required');
  });
});
