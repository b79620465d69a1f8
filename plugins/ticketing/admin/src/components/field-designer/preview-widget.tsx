import { Checkbox, Flex, NumberInput, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { JsonSchema } from './types';

type Choice = { const: unknown; title: string };

/** `2026-03-01T08:00` from a datetime-local input as RFC 3339 with this browser's offset (the server reads any offset). */
function withOffset(local: string): string | undefined {
  if (!local) return undefined;
  const minutes = -new Date(local).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** One input of the previewed form, holding a value like the portal's form would. */
export function PreviewWidget({
  schema,
  ui,
  value,
  disabled,
  onChange,
}: {
  schema: JsonSchema;
  ui: Record<string, unknown>;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
}) {
  const choices = (schema.oneOf ?? schema.items?.anyOf ?? schema.items?.oneOf) as Choice[] | undefined;
  if (schema.type === 'array' && choices) {
    const held = (value as unknown[] | undefined) ?? [];
    return (
      <Flex gap={3} wrap="wrap">
        {choices.map((c) => (
          <Checkbox
            key={String(c.const)}
            disabled={disabled}
            checked={held.includes(c.const)}
            onCheckedChange={(on: boolean | 'indeterminate') => onChange(on === true ? [...held, c.const] : held.filter((v) => v !== c.const))}
          >
            {c.title}
          </Checkbox>
        ))}
      </Flex>
    );
  }
  if (choices) {
    return (
      <SingleSelect
        placeholder="…"
        disabled={disabled}
        value={value === undefined ? undefined : String(value)}
        onClear={() => onChange(undefined)}
        onChange={(v: string | number) => onChange(choices.find((c) => String(c.const) === String(v))?.const)}
      >
        {choices.map((c) => (
          <SingleSelectOption key={String(c.const)} value={String(c.const)}>
            {c.title}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    );
  }
  if (schema.type === 'array') {
    return <Typography variant="pi">{`Photos (up to ${String(schema.maxItems ?? '∞')})`}</Typography>;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return <NumberInput disabled={disabled} value={value as number | undefined} onValueChange={(v: number | undefined) => onChange(v)} />;
  }
  if (schema.type === 'boolean') {
    return <Checkbox disabled={disabled} checked={value === true} onCheckedChange={(on: boolean | 'indeterminate') => onChange(on === true)} />;
  }
  const text = (value as string | undefined) ?? '';
  if (ui['ui:widget'] === 'textarea') {
    return <Textarea disabled={disabled} value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />;
  }
  if (schema.format === 'date-time') {
    return <TextInput type="datetime-local" disabled={disabled} value={text.slice(0, 16)} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(withOffset(e.target.value))} />;
  }
  return (
    <TextInput
      type={schema.format === 'date' ? 'date' : 'text'}
      disabled={disabled}
      maxLength={schema.maxLength as number | undefined}
      value={text}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    />
  );
}
