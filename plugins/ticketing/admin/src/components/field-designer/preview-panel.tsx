import { useState } from 'react';
import { Box, Field, Flex, SingleSelect, SingleSelectOption, Tabs } from '@strapi/design-system';
import { FormPreview } from './form-preview';
import { usePreview } from './use-designer-api';
import type { FieldDefinition, Locale } from './types';

const EVERY_FIELD = '(all)';

/** The live preview with its switches: language, and the role whose view of the form it shows. */
export function PreviewPanel({ fields, roles }: { fields: FieldDefinition[]; roles: string[] }) {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [role, setRole] = useState<string | null>(null);
  const preview = usePreview(fields, locale, role);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Tabs.Root value={locale} onValueChange={(v: string) => setLocale(v as Locale)}>
        <Tabs.List aria-label="Preview language">
          <Tabs.Trigger value="zh-CN">预览 中文</Tabs.Trigger>
          <Tabs.Trigger value="en">Preview English</Tabs.Trigger>
        </Tabs.List>
      </Tabs.Root>
      <Field.Root name="preview-role" hint="Fields the role may not read are left out; those it may not write are read-only">
        <Field.Label>Preview as role</Field.Label>
        <SingleSelect value={role ?? EVERY_FIELD} onChange={(v: string | number) => setRole(v === EVERY_FIELD ? null : String(v))}>
          <SingleSelectOption value={EVERY_FIELD}>every field (no role)</SingleSelectOption>
          {roles.map((r) => (
            <SingleSelectOption key={r} value={r}>
              {r}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
      <Box>
        <FormPreview preview={preview} locale={locale} />
      </Box>
    </Flex>
  );
}
