import { useEffect, useState } from 'react';
import { Input, InputNumber } from 'antd';

interface CommitProps {
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** A text box that filters on Enter or when it loses focus, not on every keystroke. */
export function CommitText({ value, onCommit, placeholder, testId }: CommitProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = () => {
    if ((text || undefined) !== value) onCommit(text || undefined);
  };
  return (
    <span data-testid={testId} style={{ display: 'block', width: '100%' }}>
      <Input
        allowClear
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={commit}
        onBlur={commit}
      />
    </span>
  );
}

/** A number box that commits on Enter or blur. */
export function CommitNumber({ value, onCommit, placeholder, testId, integer }: CommitProps & { integer?: boolean }) {
  const [number, setNumber] = useState<number | null>(value === undefined ? null : Number(value));
  useEffect(() => setNumber(value === undefined ? null : Number(value)), [value]);
  const commit = () => {
    const next = number === null || Number.isNaN(number) ? undefined : String(number);
    if (next !== value) onCommit(next);
  };
  return (
    <span data-testid={testId} style={{ display: 'block', width: '100%' }}>
      <InputNumber
        style={{ width: '100%' }}
        value={number}
        precision={integer ? 0 : undefined}
        placeholder={placeholder}
        onChange={(v) => setNumber(typeof v === 'number' ? v : null)}
        onPressEnter={commit}
        onBlur={commit}
      />
    </span>
  );
}
