import { Box, Checkbox, Field, Flex, NumberInput, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { JsonSchema, Preview } from './types';

function PreviewWidget({ schema, ui }: { schema: JsonSchema; ui: Record<string, unknown> }) {
  const choices = schema.oneOf ?? schema.items?.anyOf ?? schema.items?.oneOf;
  if (schema.type === 'array' && choices) {
    return (
      <Flex gap={3} wrap="wrap">
        {choices.map((c) => (
          <Checkbox key={c.const}>{c.title}</Checkbox>
        ))}
      </Flex>
    );
  }
  if (choices) {
    return (
      <SingleSelect placeholder="…">
        {choices.map((c) => (
          <SingleSelectOption key={c.const} value={c.const}>
            {c.title}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    );
  }
  if (schema.type === 'array') {
    return <Typography variant="pi">{`Photos (up to ${String(schema.maxItems ?? '∞')})`}</Typography>;
  }
  if (schema.type === 'integer' || schema.type === 'number') return <NumberInput />;
  if (schema.type === 'boolean') return <Checkbox />;
  if (ui['ui:widget'] === 'textarea') return <Textarea />;
  const inputType = schema.format === 'date' ? 'date' : schema.format === 'date-time' ? 'datetime-local' : 'text';
  return <TextInput type={inputType} maxLength={schema.maxLength as number | undefined} />;
}

/** The form the current fields give, as a handler would see it, or the problems to fix first. */
export function FormPreview({ preview }: { preview: Preview | null }) {
  if (!preview) return <Typography variant="pi">…</Typography>;
  if (preview.issues.length) {
    return (
      <Flex direction="column" alignItems="stretch" gap={1}>
        {preview.issues.map((i, n) => (
          <Typography key={n} textColor="danger600" variant="pi">
            {`${i.field}${i.path ? `.${i.path}` : ''}: ${i.message}`}
          </Typography>
        ))}
      </Flex>
    );
  }
  const schema = preview.schema ?? {};
  const order = (preview.uiSchema?.['ui:order'] as unknown as string[]) ?? Object.keys(schema.properties ?? {});
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {order.map((key) => {
        const property = schema.properties?.[key] ?? {};
        return (
          <Box key={key}>
            <Field.Root name={key} required={schema.required?.includes(key)} hint={property.description}>
              <Field.Label>{property.title ?? key}</Field.Label>
              <PreviewWidget schema={property} ui={preview.uiSchema?.[key] ?? {}} />
              <Field.Hint />
            </Field.Root>
          </Box>
        );
      })}
    </Flex>
  );
}
