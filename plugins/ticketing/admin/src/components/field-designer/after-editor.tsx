import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { comparable, valueShape } from './field-kinds';
import type { FieldDefinition, FieldTypeInfo } from './types';

const NONE = '(none)';

/** `after` of a number, date or date-time field: the field whose value this one's must exceed. */
export function AfterEditor({
  field,
  fields,
  types,
  issues,
  onChange,
}: {
  field: FieldDefinition;
  fields: FieldDefinition[];
  types: FieldTypeInfo[];
  issues: string[];
  onChange: (after?: string) => void;
}) {
  const shape = valueShape(field, types);
  const earlier = fields.filter((f) => f.key !== field.key && comparable(shape, valueShape(f, types)));
  return (
    <Field.Root name="after" hint="When both are filled, this field's value must be later (or greater)" error={issues.join('; ') || undefined}>
      <Field.Label>Later than</Field.Label>
      <SingleSelect value={field.after ?? NONE} onChange={(v: string | number) => onChange(v === NONE ? undefined : String(v))}>
        <SingleSelectOption value={NONE}>— no rule —</SingleSelectOption>
        {/* a stored key that no longer fits stays selectable, so the error beside it makes sense */}
        {field.after && !earlier.some((f) => f.key === field.after) && <SingleSelectOption value={field.after}>{field.after}</SingleSelectOption>}
        {earlier.map((f) => (
          <SingleSelectOption key={f.key} value={f.key}>{`${f.key} · ${f.label?.en ?? ''}`}</SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** Whether a field's type can carry `after` (numbers, dates, date-times). */
export const canBeAfter = (field: FieldDefinition, types: FieldTypeInfo[]) => comparable(valueShape(field, types), valueShape(field, types));
