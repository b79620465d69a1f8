import path from 'node:path';
import { previewForm } from '../../../admin/src/components/field-designer/preview-form';
import { builtinFieldTypes } from './builtins';
import { buildFormSchema, FieldDefinitionValidator, FieldTypeRegistry } from '.';
import { readSeedFile } from '../services/seed';

// The admin field designer's preview (admin/src) on the seed types as this code compiles them,
// i.e. on what POST /ticketing/form-preview answers; it lives here to import both sides.
const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((t) => registry.register(t));
const validator = new FieldDefinitionValidator(registry);
const repo = path.resolve(__dirname, '../../../../..');
const seed = (name: string) => readSeedFile(path.join(repo, `config/ticket-types/${name}.yaml`), (f) => validator.validate(f));

/** The table the server's validator and the portal's RJSF run too. */
interface ConditionCase {
  name: string;
  form: Record<string, unknown>;
  visible: string[];
  errors: string[];
}
const cases: ConditionCase[] = require(path.join(repo, 'portal/src/test/condition-cases.json'));

describe('the designer preview on the maintenance seed type', () => {
  const { schema, uiSchema } = buildFormSchema(seed('maintenance'), 'en', registry);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const form = previewForm(schema, uiSchema, c.form);
    expect(form.fields.map((f) => f.key).sort()).toEqual([...c.visible].sort());
    // the preview marks what is required and empty, and an end not after the start; value rules are the server's
    const flagged = form.fields.filter((f) => f.error || (f.required && form.values[f.key] === undefined)).map((f) => f.key);
    expect(flagged.sort()).toEqual(c.errors.filter((k) => c.form[k] === undefined || k === 'end_at'));
    expect(Object.keys(form.values).every((k) => c.visible.includes(k))).toBe(true);
  });
});

describe('the designer preview as a role, on bs-fault', () => {
  const bsFault = seed('bs-fault');
  const asRole = (role: string) => {
    const { schema, uiSchema } = buildFormSchema(bsFault, 'en', registry, role);
    return previewForm(schema, uiSchema, {}).fields;
  };

  it('leaves out what the role may not read', () => {
    expect(asRole('viewer').map((f) => f.key)).not.toContain('reporter_phone');
    expect(asRole('handler').map((f) => f.key)).toContain('reporter_phone');
  });

  it('shows read-only what the role may not write', () => {
    expect(asRole('handler').find((f) => f.key === 'severity')).toMatchObject({ readOnly: true });
    expect(asRole('publisher').find((f) => f.key === 'severity')).toMatchObject({ readOnly: false });
  });
});
