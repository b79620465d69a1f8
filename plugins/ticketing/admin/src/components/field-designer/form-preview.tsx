import { useState } from 'react';
import { Box, Field, Flex, Typography } from '@strapi/design-system';
import { PreviewWidget } from './preview-widget';
import { previewForm, type PreviewValues } from './preview-form';
import type { Locale, Preview } from './types';

/**
 * The form the current fields give, as a handler (or the role previewed) would see it, or the
 * problems to fix first. Values can be filled in: a field whose condition they meet appears
 * (and becomes required) as in the portal, and a hidden field's value is dropped.
 */
export function FormPreview({ preview, locale }: { preview: Preview | null; locale: Locale }) {
  const [values, setValues] = useState<PreviewValues>({});
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
  const uiSchema = (preview.uiSchema ?? {}) as Record<string, unknown>;
  const form = previewForm(schema, uiSchema, values, locale);
  const set = (key: string, value: unknown) => setValues(previewForm(schema, uiSchema, { ...form.values, [key]: value }, locale).values);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {form.fields.map((field) => (
        <Box key={field.key}>
          <Field.Root name={field.key} required={field.required} hint={field.schema.description} error={field.error}>
            <Field.Label>{`${field.schema.title ?? field.key}${field.readOnly ? ' (read-only)' : ''}`}</Field.Label>
            <PreviewWidget
              schema={field.schema}
              ui={(uiSchema[field.key] ?? {}) as Record<string, unknown>}
              value={form.values[field.key]}
              disabled={field.readOnly}
              onChange={(v) => set(field.key, v)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Box>
      ))}
    </Flex>
  );
}
