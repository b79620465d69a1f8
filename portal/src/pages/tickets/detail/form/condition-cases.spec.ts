import { describe, expect, it } from 'vitest';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import cases from '../../../../test/condition-cases.json';
import maintenance from '../../../../test/maintenance-schema.json';
import type { Locale } from '../../../../i18n/locale';
import { fieldSchemasOf, type FormSchema } from '../../../../services/schema-types';
import { localizeErrors, validatorFor } from './validation-messages';

interface ConditionCase {
  name: string;
  form: Record<string, unknown>;
  /** The fields the form shows for these values. */
  visible: string[];
  /** The fields that fail once hidden values are dropped. */
  errors: string[];
}

// the maintenance schema as the server serves it (GET …/ticket-types/maintenance/schema, zh-CN,
// a handler); the server runs the same cases through its own ajv
// (plugins/ticketing/server/src/tickets/form-conditions.spec.ts)
const schema = maintenance.schema as RJSFSchema;
const fields = fieldSchemasOf(maintenance.schema as FormSchema);

/** What the portal makes of `form`: the fields it shows, the values it keeps and the errors under fields. */
function runInPortal(form: Record<string, unknown>, locale: Locale = 'zh-CN') {
  const validator = validatorFor<Record<string, unknown>, never>(locale);
  const utils = createSchemaUtils(validator, schema);
  const shown = Object.keys(utils.retrieveSchema(schema, form).properties ?? {});
  const kept = utils.omitExtraData(schema, form) ?? {};
  const errors = localizeErrors(validator.validateFormData(kept, schema).errors, locale, fields);
  return { shown, kept, errors };
}

const fieldOf = (property: string | undefined) => (property ?? '').replace(/^\./, '');

describe('conditional fields: the table of cases the server runs too', () => {
  it.each((cases as ConditionCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { shown, kept, errors } = runInPortal(c.form);
    expect([...shown].sort()).toEqual([...c.visible].sort());
    // a hidden field's value is gone before validation, as on the server
    expect(Object.keys(kept).every((key) => shown.includes(key))).toBe(true);
    expect([...new Set(errors.map((e) => fieldOf(e.property)))].sort()).toEqual([...c.errors].sort());
  });

  it('words an end before the start under the end, naming the start, in both languages', () => {
    const form = { ...(cases as ConditionCase[])[0].form, end_at: '2026-12-01T09:00:00+08:00' };
    expect(runInPortal(form).errors.map((e) => [e.property, e.message])).toEqual([['.end_at', '必须晚于开始时间']]);
    // the English schema names the start "Start"; the zh-CN one is all this fixture has
    expect(runInPortal(form, 'en').errors.map((e) => e.message)).toEqual(['must be later than 开始时间']);
  });

  it('leaves the ordering alone while either moment is missing, and compares numbers as numbers', () => {
    const validator = validatorFor<Record<string, unknown>, never>('en');
    const numbers = {
      type: 'object',
      properties: { low: { type: 'integer', title: 'Low' }, high: { type: 'integer', title: 'High', 'x-after': 'low' } },
    } as RJSFSchema;
    const errorsOf = (form: Record<string, unknown>) =>
      localizeErrors(validator.validateFormData(form, numbers).errors, 'en', fieldSchemasOf(numbers as FormSchema));
    expect(errorsOf({ high: 3 })).toEqual([]);
    expect(errorsOf({ low: 9, high: 10 })).toEqual([]);
    expect(errorsOf({ low: 9, high: 9 }).map((e) => e.message)).toEqual(['must be greater than Low']);
    expect(errorsOf({ low: 10, high: 9 }).map((e) => e.message)).toEqual(['must be greater than Low']);
  });
});
