import { Box, Button, Field, Flex, IconButton, NumberInput, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { JsonSchema } from './types';

interface Option {
  value: string;
  label: { 'zh-CN': string; en: string };
}

function OptionsEditor({ options, onChange }: { options: Option[]; onChange: (o: Option[]) => void }) {
  const update = (i: number, patch: Partial<Option> & { zh?: string; en?: string }) =>
    onChange(
      options.map((o, j) =>
        j !== i
          ? o
          : {
              value: patch.value ?? o.value,
              label: { 'zh-CN': patch.zh ?? o.label['zh-CN'], en: patch.en ?? o.label.en },
            },
      ),
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" fontWeight="bold">
        Options (token · 中文 · English)
      </Typography>
      {options.map((o, i) => (
        <Flex key={i} gap={2}>
          <TextInput aria-label="token" placeholder="token" value={o.value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { value: e.target.value })} />
          <TextInput aria-label="中文" placeholder="中文" value={o.label['zh-CN']} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { zh: e.target.value })} />
          <TextInput aria-label="English" placeholder="English" value={o.label.en} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { en: e.target.value })} />
          <IconButton label="Remove option" onClick={() => onChange(options.filter((_, j) => j !== i))}>
            <Trash />
          </IconButton>
        </Flex>
      ))}
      <Box>
        <Button variant="tertiary" startIcon={<Plus />} onClick={() => onChange([...options, { value: '', label: { 'zh-CN': '', en: '' } }])}>
          Add option
        </Button>
      </Box>
    </Flex>
  );
}

/** Edits a field's `rules` from its type's rule schema, so new types need no UI code. */
export function RulesEditor({
  schema,
  rules,
  onChange,
}: {
  schema: JsonSchema;
  rules: Record<string, unknown>;
  onChange: (rules: Record<string, unknown>) => void;
}) {
  const set = (name: string, value: unknown) => {
    const next = { ...rules, [name]: value };
    if (value === undefined || value === '') delete next[name];
    onChange(next);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {Object.entries(schema.properties ?? {}).map(([name, rule]) => {
        if (rule.type === 'array' && rule.items?.type === 'object') {
          return <OptionsEditor key={name} options={(rules[name] as Option[]) ?? []} onChange={(o) => set(name, o)} />;
        }
        const numeric = rule.type === 'number' || rule.type === 'integer';
        return (
          <Field.Root key={name} name={name}>
            <Field.Label>{name}</Field.Label>
            {numeric ? (
              <NumberInput value={rules[name] as number | undefined} onValueChange={(v: number | undefined) => set(name, v)} />
            ) : (
              <TextInput value={(rules[name] as string) ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(name, e.target.value)} />
            )}
          </Field.Root>
        );
      })}
    </Flex>
  );
}
