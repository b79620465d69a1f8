import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type { FieldSchema } from '../../../../services/schema-types';
import { renderWithProviders } from '../../../../test/render';
import { suggestionRows, type Choices } from './ocr-suggestions';
import { OcrSuggestionsTable } from './ocr-suggestions-table';
import type { OcrSuggestion, Quad } from './ocr-types';

const box: Quad = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];
const source = { image: 'p1', lines: [0], box };
const properties: Record<string, FieldSchema> = {
  pci: { type: 'integer', title: '物理小区标识' },
  severity: {
    type: 'string',
    title: '严重程度',
    oneOf: [
      { const: 'critical', title: '严重' },
      { const: 'major', title: '主要' },
    ],
  },
  occurred_at: { type: 'string', format: 'date-time', title: '发生时间' },
};
// a zh-CN answer: enum tokens and ISO moments come with their display text
const suggestions: OcrSuggestion[] = [
  // its 7 read with a weak 0.41: the server marks it unsure
  { field: 'pci', value: 674, raw: '674', confidence: 0.95, minCharConfidence: 0.41, unsure: true, source },
  { field: 'severity', value: 'critical', display: '严重', raw: '严重', confidence: 0.98, source },
  { field: 'occurred_at', value: '2025-01-23T07:50:00+08:00', display: '2025-01-23 07:50', raw: '2025/1/23 7:50', confidence: 0.9, source },
];
const order = ['pci', 'severity', 'occurred_at'];
const labels = Object.fromEntries(order.map((f) => [f, properties[f].title]));

/** The table with its choices held as the panel holds them. */
function Harness({ onChoices }: { onChoices: (choices: Choices) => void }) {
  const [choices, setChoices] = useState<Choices>({});
  const rows = suggestionRows(suggestions, { severity: 'major' }, order, labels);
  return (
    <OcrSuggestionsTable
      rows={rows}
      choices={choices}
      properties={properties}
      errors={{}}
      disabled={false}
      onChoose={(field, choice) => {
        const next = { ...choices, [field]: choice };
        setChoices(next);
        onChoices(next);
      }}
      onHover={() => undefined}
    />
  );
}

const valueBox = (field: string) => screen.getByTestId(`ocr-value-${field}`) as HTMLInputElement;

describe('the OCR suggestions table', () => {
  it("shows each value read as the form shows it (the server's display), else as the value itself", () => {
    renderWithProviders(<Harness onChoices={vi.fn()} />);
    expect(valueBox('severity').value).toBe('严重');
    expect(valueBox('occurred_at').value).toBe('2025-01-23 07:50');
    expect(valueBox('pci').value).toBe('674');
    expect(screen.getByTestId('ocr-current-severity').textContent).toBe('主要');
    // the text as read, when it is not the value as shown
    expect(screen.getByTestId('ocr-raw-occurred_at').textContent).toContain('2025/1/23 7:50');
    expect(screen.queryByTestId('ocr-raw-severity')).toBeNull();
  });

  it('accepts a row when its value is edited, and shows the edit as the form would', () => {
    const onChoices = vi.fn();
    renderWithProviders(<Harness onChoices={onChoices} />);
    fireEvent.change(valueBox('severity'), { target: { value: 'major' } });
    expect(onChoices).toHaveBeenLastCalledWith({ severity: { accepted: true, edited: 'major' } });
    expect(screen.getByTestId('ocr-edited-severity')).toBeTruthy();
    expect(screen.getByTestId('ocr-shown-severity').textContent).toBe('主要');

    // typed as it will show: nothing more to show
    fireEvent.change(valueBox('pci'), { target: { value: '675' } });
    expect(screen.getByTestId('ocr-edited-pci')).toBeTruthy();
    expect(screen.queryByTestId('ocr-shown-pci')).toBeNull();

    // back to the value as shown: no edit
    fireEvent.change(valueBox('severity'), { target: { value: '严重' } });
    expect(screen.queryByTestId('ocr-edited-severity')).toBeNull();
  });

  it('shows an unsure reading unticked with a warning, until the user edits it', () => {
    renderWithProviders(<Harness onChoices={vi.fn()} />);
    expect(screen.getByTestId('ocr-unsure-pci').textContent).toContain('识别不确定');
    expect((screen.getByTestId('ocr-accept-pci') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('ocr-unsure-severity')).toBeNull();
    fireEvent.change(valueBox('pci'), { target: { value: '675' } });
    expect(screen.queryByTestId('ocr-unsure-pci')).toBeNull();
  });
});
