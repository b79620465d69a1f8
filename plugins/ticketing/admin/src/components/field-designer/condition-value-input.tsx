import { MultiSelect, MultiSelectOption, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { ListInput } from './list-input';
import { optionsOf, type ValueShape } from './field-kinds';
import type { ConditionTest } from './condition-model';
import { OwnField } from './own-field';
import type { FieldDefinition } from './types';

type Change = React.ChangeEvent<HTMLInputElement>;

const PLACEHOLDER: Partial<Record<ValueShape, string>> = { date: '2026-03-01', 'date-time': '2026-03-01T08:00:00+08:00' };

/** One operand input that fits the tested field: its options, a number, a date or text. */
function BareOperandInput({
  shape,
  field,
  value,
  label,
  onChange,
}: {
  shape: ValueShape;
  field?: FieldDefinition;
  value: unknown;
  label: string;
  onChange: (v: unknown) => void;
}) {
  if (shape === 'options') {
    return (
      <SingleSelect
        aria-label={label}
        placeholder="…"
        value={value as string | undefined}
        onChange={(v: string | number) => onChange(String(v))}
      >
        {optionsOf(field).map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>{`${o.value} · ${o.label.en ?? ''}`}</SingleSelectOption>
        ))}
      </SingleSelect>
    );
  }
  if (shape === 'boolean') {
    return (
      <SingleSelect
        aria-label={label}
        placeholder="…"
        value={value === undefined ? undefined : String(value)}
        onChange={(v: string | number) => onChange(v === 'true')}
      >
        <SingleSelectOption value="true">yes</SingleSelectOption>
        <SingleSelectOption value="false">no</SingleSelectOption>
      </SingleSelect>
    );
  }
  if (shape === 'integer' || shape === 'number') {
    return <NumberInput aria-label={label} value={value as number | undefined} onValueChange={(v: number | undefined) => onChange(v)} />;
  }
  const type = shape === 'date' ? 'date' : 'text';
  return (
    <TextInput
      aria-label={label}
      type={type}
      placeholder={PLACEHOLDER[shape]}
      value={(value as string) ?? ''}
      onChange={(e: Change) => onChange(e.target.value)}
    />
  );
}

function OperandInput(props: Parameters<typeof BareOperandInput>[0]) {
  return (
    <OwnField name={`condition-${props.label}`}>
      <BareOperandInput {...props} />
    </OwnField>
  );
}

/** The operands of a test: one value, a list of values, or a range's bounds. */
export function ConditionValueInput({
  test,
  shape,
  field,
  onChange,
}: {
  test: ConditionTest;
  shape: ValueShape;
  field?: FieldDefinition;
  onChange: (t: ConditionTest) => void;
}) {
  if (test.operator === 'equals') {
    return <OperandInput shape={shape} field={field} label="value" value={test.value} onChange={(value) => onChange({ ...test, value })} />;
  }
  if (test.operator === 'range') {
    return (
      <>
        <OperandInput
          shape={shape}
          field={field}
          label="from"
          value={test.min}
          onChange={(min) => onChange({ ...test, min: min as number | string | undefined })}
        />
        <OperandInput
          shape={shape}
          field={field}
          label="to"
          value={test.max}
          onChange={(max) => onChange({ ...test, max: max as number | string | undefined })}
        />
      </>
    );
  }
  if (test.operator !== 'in') return null;
  if (shape === 'options') {
    return (
      <OwnField name="condition-values">
        <MultiSelect
          aria-label="values"
          withTags
          value={(test.values ?? []) as string[]}
          onChange={(values: string[]) => onChange({ ...test, values })}
        >
          {optionsOf(field).map((o) => (
            <MultiSelectOption key={o.value} value={o.value}>{`${o.value} · ${o.label.en ?? ''}`}</MultiSelectOption>
          ))}
        </MultiSelect>
      </OwnField>
    );
  }
  return <ListInput shape={shape} values={test.values ?? []} onChange={(values) => onChange({ ...test, values })} />;
}
