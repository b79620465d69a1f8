import { useEffect, useState } from 'react';
import { TextInput } from '@strapi/design-system';
import { OwnField } from './own-field';
import type { ValueShape } from './field-kinds';

type Change = React.ChangeEvent<HTMLInputElement>;

/** A text input's value as the tested field stores it: numbers for number fields, text otherwise. */
function typed(shape: ValueShape, text: string): unknown {
  if (shape !== 'integer' && shape !== 'number') return text;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

const parseList = (shape: ValueShape, text: string) =>
  text
    .split(/[,，]/)
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => typed(shape, v));

/** Comma-separated values; the text is kept as typed (a trailing comma included) while it means the same list. */
export function ListInput({ shape, values, onChange }: { shape: ValueShape; values: unknown[]; onChange: (values: unknown[]) => void }) {
  const [text, setText] = useState(values.join(', '));
  useEffect(() => {
    if (JSON.stringify(parseList(shape, text)) !== JSON.stringify(values)) setText(values.join(', '));
  }, [shape, text, values]);
  return (
    <OwnField name="condition-values">
      <TextInput
        aria-label="values"
        placeholder="values, comma-separated"
        value={text}
        onChange={(e: Change) => {
          setText(e.target.value);
          onChange(parseList(shape, e.target.value));
        }}
      />
    </OwnField>
  );
}
