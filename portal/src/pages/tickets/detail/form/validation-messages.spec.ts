import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import type { Locale } from '../../../../i18n/locale';
import { bsFaultSchema, siteSurveySchema } from '../../../../test/schemas';
import { localizeErrors, validatorFor } from './validation-messages';

// the client validates with the very schema the server validates with
const validate = (form: Record<string, unknown>, locale: Locale = 'zh-CN', schema = bsFaultSchema.schema) =>
  localizeErrors(validatorFor(locale).validateFormData(form, schema as RJSFSchema).errors, locale);
const good = { site_name: '张江01', gnb_id: 1, pci: 387, severity: 'critical', occurred_at: '2026-11-30T00:15:00.000Z' };

describe('client validation with the type schema', () => {
  it('passes a valid form', () => {
    expect(validate(good)).toEqual([]);
  });

  it('catches a PCI out of range under the PCI field, in Chinese by default', () => {
    const zh = validate({ ...good, pci: 2000 });
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ property: '.pci', name: 'maximum', message: '应当为 <= 1007' });
    expect(validate({ ...good, pci: 2000 }, 'en')[0].message).toBe('must be <= 1007');
  });

  it('names missing required fields, a bad phone and a bad enum value in the UI language', () => {
    const form = { gnb_id: 1, pci: 1, occurred_at: '2026-11-30T00:15:00Z', reporter_phone: '12345', severity: 'urgent' };
    const zh = validate(form);
    expect(zh.filter((e) => e.name === 'required').map((e) => [e.params.missingProperty, e.message])).toEqual([['site_name', '必填']]);
    expect(zh.find((e) => e.property === '.reporter_phone')?.message).toBe('格式不正确');
    // the enum's per-choice `const` errors fold into the one `oneOf` message
    expect(zh.filter((e) => e.property === '.severity').map((e) => e.message)).toEqual(['应当是预设值之一']);
    const en = validate(form, 'en');
    expect(en.find((e) => e.name === 'required')?.message).toBe('is required');
    expect(en.find((e) => e.property === '.reporter_phone')?.message).toBe('has the wrong format');
    expect(en.filter((e) => e.property === '.severity').map((e) => e.message)).toEqual(['must be one of the choices']);
  });

  it("words every other keyword in Chinese too (ajv-i18n), where the hand-written table fell back to ajv's English", () => {
    const zh = validate({ ...good, site_name: 'x'.repeat(65), description: 'x'.repeat(2001), latitude: 91 });
    expect(zh.map((e) => [e.property, e.message])).toEqual([
      ['.site_name', '不应多于 64 个字符'],
      ['.latitude', '应当为 <= 90'],
      ['.description', '不应多于 2000 个字符'],
    ]);
    const survey = validate({ site_name: 'a', survey_date: '2026-11-30', tags: ['roof', 'roof'] }, 'zh-CN', siteSurveySchema.schema);
    expect(survey.map((e) => e.message)).toEqual(['不应当含有重复项 (第 1 项与第 0 项是重复的)']);
  });
});
