import { forwardRef, useMemo, useState } from 'react';
import { Box, Button, Field, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Drag, Plus, Trash } from '@strapi/icons';
import { FieldEditor } from './field-editor';
import { renameField } from './field-references';
import { PreviewPanel } from './preview-panel';
import { useFieldTypes, useRoleTypes } from './use-designer-api';
import type { FieldDefinition } from './types';

interface Props {
  name: string;
  value?: unknown;
  onChange: (event: { target: { name: string; value: unknown; type: string } }) => void;
  label?: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function toFields(value: unknown): FieldDefinition[] {
  if (typeof value === 'string') {
    try {
      return toFields(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? (value as FieldDefinition[]) : [];
}

const newField = (n: number): FieldDefinition => ({
  key: `field_${n}`,
  type: 'string',
  label: { 'zh-CN': '', en: '' },
  required: false,
  rules: {},
  aliases: [],
});

/**
 * The Content Manager input of `ticket-type.fields`: add, remove, drag to reorder and
 * edit fields (their rules, access and conditions), with the resulting form previewed live
 * from the server's schema, as any role would see it.
 */
const FieldDesigner = forwardRef<HTMLDivElement, Props>(({ name, value, onChange, label, hint, error, required }, ref) => {
  const fields = useMemo(() => toFields(value), [value]);
  const types = useFieldTypes();
  const roles = useRoleTypes();
  const [open, setOpen] = useState<number | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);

  const emit = (next: FieldDefinition[]) => onChange({ target: { name, value: next, type: 'json' } });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= fields.length || from === to) return;
    const next = [...fields];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    emit(next);
    setOpen(open === from ? to : open);
  };

  return (
    <Field.Root name={name} error={error} hint={hint} required={required} ref={ref}>
      <Field.Label>{label ?? 'Fields'}</Field.Label>
      <Flex gap={4} alignItems="flex-start">
        <Flex direction="column" alignItems="stretch" gap={2} flex="3">
          {fields.map((field, i) => (
            <Box
              key={i}
              background="neutral0"
              hasRadius
              borderColor={dragged === i ? 'primary600' : 'neutral200'}
              draggable
              onDragStart={() => setDragged(i)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(e: React.DragEvent) => e.preventDefault()}
              onDrop={() => dragged !== null && move(dragged, i)}
            >
              <Flex justifyContent="space-between" padding={3} gap={2}>
                <Flex gap={2} style={{ cursor: 'grab' }} onClick={() => setOpen(open === i ? null : i)}>
                  <Drag />
                  <Typography fontWeight="bold">{field.key}</Typography>
                  <Typography textColor="neutral600">{`${field.label?.['zh-CN'] ?? ''} · ${field.type}${field.required ? ' · *' : ''}`}</Typography>
                </Flex>
                <Flex gap={1}>
                  <IconButton label="Move up" onClick={() => move(i, i - 1)} disabled={i === 0}>
                    <ArrowUp />
                  </IconButton>
                  <IconButton label="Move down" onClick={() => move(i, i + 1)} disabled={i === fields.length - 1}>
                    <ArrowDown />
                  </IconButton>
                  <IconButton label="Remove field" onClick={() => emit(fields.filter((_, j) => j !== i))}>
                    <Trash />
                  </IconButton>
                </Flex>
              </Flex>
              {open === i && (
                <FieldEditor
                  field={field}
                  fields={fields}
                  types={types}
                  roles={roles}
                  onChange={(f) => emit(renameField(fields.map((g, j) => (j === i ? f : g)), field.key, f.key))}
                />
              )}
            </Box>
          ))}
          <Box>
            <Button
              variant="secondary"
              startIcon={<Plus />}
              onClick={() => {
                emit([...fields, newField(fields.length + 1)]);
                setOpen(fields.length);
              }}
            >
              Add a field
            </Button>
          </Box>
        </Flex>
        <Box flex="2" background="neutral100" padding={4} hasRadius>
          <PreviewPanel fields={fields} roles={roles} />
        </Box>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default FieldDesigner;
