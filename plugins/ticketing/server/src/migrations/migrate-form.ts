import type { FieldDefinition, Locale } from '../field-types';
import type { FormResult } from '../tickets/form-validator';
import type { MigrationPlan } from './migration-request';

/** Why a ticket stays on its old version. */
export type KeptReason = 'removed-field-has-data' | 'hidden-field-has-data' | 'required-field-empty' | 'value-refused';

export interface MigrationReason {
  field: string;
  reason: KeptReason;
  message: string;
}

export type FormMigration = { ok: true; form: Record<string, unknown> } | { ok: false; reasons: MigrationReason[] };

/** Blank as a form means it: nothing, an empty text or an empty list. */
export const isEmptyValue = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

const REMOVED: Record<Locale, (to: number) => string> = {
  en: (to) => `holds data but is not a field of version ${to}`,
  'zh-CN': (to) => `有数据，但版本 ${to} 没有这个字段`,
};
const HIDDEN: Record<Locale, (to: number) => string> = {
  en: (to) => `holds data but version ${to} hides it on this ticket (its visibility condition is false), so saving would drop it`,
  'zh-CN': (to) => `有数据，但在版本 ${to} 中此工单不显示该字段（显示条件不成立），保存会丢弃该值`,
};

/**
 * A stored form moved to the plan's target version: renames applied, removed fields dropped
 * when empty, defaults filling absent fields, then the whole form checked by `validate` — the
 * same check every write of a ticket on that version passes. Either the new form, or every
 * reason the ticket must stay where it is — data is never dropped on the way, only empty fields.
 */
export function migrateForm(
  stored: Record<string, unknown>,
  plan: Pick<MigrationPlan, 'renames' | 'defaults' | 'to'>,
  target: FieldDefinition[],
  validate: (form: Record<string, unknown>) => FormResult,
  locale: Locale,
): FormMigration {
  const targetKeys = new Set(target.map((f) => f.key));
  const reasons: MigrationReason[] = [];
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const newKey = plan.renames[key] ?? key;
    if (targetKeys.has(newKey)) candidate[newKey] = value;
    else if (!isEmptyValue(value)) reasons.push({ field: key, reason: 'removed-field-has-data', message: REMOVED[locale](plan.to) });
  }
  for (const [key, value] of Object.entries(plan.defaults)) {
    if (isEmptyValue(candidate[key])) candidate[key] = value;
  }
  const result = validate(candidate);
  if (!result.ok) {
    for (const error of result.errors) {
      const reason: KeptReason = isEmptyValue(candidate[error.field]) ? 'required-field-empty' : 'value-refused';
      reasons.push({ field: error.field, reason, message: error.message });
    }
  } else {
    // the check drops values of fields a condition hides: data lost that way keeps the ticket, like a removed field's
    for (const [key, value] of Object.entries(candidate)) {
      if (!(key in result.form) && !isEmptyValue(value)) reasons.push({ field: key, reason: 'hidden-field-has-data', message: HIDDEN[locale](plan.to) });
    }
  }
  return reasons.length || !result.ok ? { ok: false, reasons } : { ok: true, form: result.form };
}
