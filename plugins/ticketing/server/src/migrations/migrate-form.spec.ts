import { migrateForm, isEmptyValue } from './migrate-form';
import type { FormResult } from '../tickets/form-validator';
import type { FieldDefinition } from '../field-types';

const label = { 'zh-CN': 'x', en: 'x' };
const target: FieldDefinition[] = [
  { key: 'site', type: 'string', label, required: true },
  { key: 'note', type: 'text', label },
  { key: 'region', type: 'enum', label, required: true },
];

/** A stand-in for the form validator: region must be set, and "bad" is never a valid note. */
function validate(form: Record<string, unknown>): FormResult {
  const errors = [];
  if (form.region === undefined) errors.push({ field: 'region', message: 'required' });
  if (form.note === 'bad') errors.push({ field: 'note', message: 'refused' });
  return errors.length ? { ok: false, errors } : { ok: true, form: { ...form } };
}

const plan = { renames: { old_note: 'note' }, defaults: { region: 'north' }, to: 2 };

describe('migrateForm', () => {
  it('renames, fills an absent field from the defaults and hands back the validated form', () => {
    expect(migrateForm({ site: 'A', old_note: 'hi' }, plan, target, validate, 'en')).toEqual({
      ok: true,
      form: { site: 'A', note: 'hi', region: 'north' },
    });
  });

  it('leaves a value a ticket already holds over the default', () => {
    const moved = migrateForm({ site: 'A', region: 'south' }, plan, target, validate, 'en');
    expect(moved).toEqual({ ok: true, form: { site: 'A', region: 'south' } });
  });

  it('drops a removed field that is empty, and keeps the ticket when it holds data', () => {
    expect(migrateForm({ site: 'A', gone: [] }, plan, target, validate, 'en')).toMatchObject({ ok: true });
    expect(migrateForm({ site: 'A', gone: 'data' }, plan, target, validate, 'en')).toEqual({
      ok: false,
      reasons: [{ field: 'gone', reason: 'removed-field-has-data', message: 'holds data but is not a field of version 2' }],
    });
  });

  it('tells a newly required empty field from a value the new rules refuse, and lists every reason', () => {
    const moved = migrateForm({ site: 'A', old_note: 'bad', gone: 1 }, { ...plan, defaults: {} }, target, validate, 'zh-CN');
    expect(moved.ok).toBe(false);
    if (moved.ok) return;
    expect(moved.reasons.map((r) => [r.field, r.reason])).toEqual([
      ['gone', 'removed-field-has-data'],
      ['region', 'required-field-empty'],
      ['note', 'value-refused'],
    ]);
    expect(moved.reasons[0].message).toMatch(/版本 2/);
  });

  it('keeps a ticket whose value the check would drop as hidden, and moves one whose hidden field is empty', () => {
    // a stand-in for a visibility condition: note is shown only with region south
    const dropsHidden = (form: Record<string, unknown>): FormResult => {
      const kept = { ...form };
      if (kept.region !== 'south') delete kept.note;
      return validate(kept);
    };
    expect(migrateForm({ site: 'A', old_note: 'hi' }, plan, target, dropsHidden, 'en')).toEqual({
      ok: false,
      reasons: [{ field: 'note', reason: 'hidden-field-has-data', message: expect.stringMatching(/version 2 hides it/) }],
    });
    expect(migrateForm({ site: 'A' }, plan, target, dropsHidden, 'en')).toEqual({ ok: true, form: { site: 'A', region: 'north' } });
  });

  it('counts nothing, blank text and empty lists as empty, and zero or false as values', () => {
    expect([undefined, null, '', '  ', []].every(isEmptyValue)).toBe(true);
    expect([0, false, 'x', [1]].some(isEmptyValue)).toBe(false);
  });
});
