import { Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { FieldRulesEditor } from './field-rules-editor';
import { RulesEditor } from './rules-editor';
import type { FieldDefinition, FieldTypeInfo } from './types';

type Change = React.ChangeEvent<HTMLInputElement>;

/** The inputs for one field definition. */
export function FieldEditor({
  field,
  fields,
  types,
  roles,
  onChange,
}: {
  field: FieldDefinition;
  /** Every field of the type (this one included), for conditions and `after`. */
  fields: FieldDefinition[];
  types: FieldTypeInfo[];
  roles: string[];
  onChange: (field: FieldDefinition) => void;
}) {
  const type = types.find((t) => t.name === field.type);
  const text = (label: string, value: string, apply: (v: string) => FieldDefinition, hint?: string) => (
    <Field.Root name={label} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={value} onChange={(e: Change) => onChange(apply(e.target.value))} />
      <Field.Hint />
    </Field.Root>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4} padding={4}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12}>
          {text('Key', field.key, (key) => ({ ...field, key }), 'lower_snake_case; fixed once tickets use it')}
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Field.Root name="type">
            <Field.Label>Type</Field.Label>
            <SingleSelect
              value={field.type}
              onChange={(value: string | number) => onChange({ ...field, type: String(value), rules: {} })}
            >
              {types.map((t) => (
                <SingleSelectOption key={t.name} value={t.name}>
                  {`${t.label['zh-CN']} · ${t.label.en}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          {text('Label (中文)', field.label['zh-CN'], (v) => ({ ...field, label: { ...field.label, 'zh-CN': v } }))}
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          {text('Label (English)', field.label.en, (v) => ({ ...field, label: { ...field.label, en: v } }))}
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          {text('Help (中文)', field.help?.['zh-CN'] ?? '', (v) => ({ ...field, help: { ...field.help, 'zh-CN': v } }))}
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          {text('Help (English)', field.help?.en ?? '', (v) => ({ ...field, help: { ...field.help, en: v } }))}
        </Grid.Item>
        <Grid.Item col={12}>
          {text(
            'Aliases',
            (field.aliases ?? []).join(', '),
            (v) => ({ ...field, aliases: v.split(/[,，]/).map((a) => a.trim()).filter(Boolean) }),
            'Other names used in spreadsheets and on photos, comma-separated',
          )}
        </Grid.Item>
      </Grid.Root>
      <Checkbox checked={field.required ?? false} onCheckedChange={(c: boolean | 'indeterminate') => onChange({ ...field, required: c === true })}>
        Required
      </Checkbox>
      {type && (
        <RulesEditor schema={type.rulesSchema} rules={field.rules ?? {}} onChange={(rules) => onChange({ ...field, rules })} />
      )}
      <FieldRulesEditor field={field} fields={fields} types={types} roles={roles} onChange={onChange} />
    </Flex>
  );
}
