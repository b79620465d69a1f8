import type { FieldSchema } from '../../../../services/schema-types';
import type { FormValues } from '../../../../services/ticket';
import { sameValue } from '../form/conflict';
import type { JobRecord, OcrSuggestion, SuggestionSource } from './ocr-types';

/** One suggestion as a row beside the form: the field's label, its value now and the one read. */
export interface SuggestionRow {
  field: string;
  label: string;
  current: unknown;
  suggested: unknown;
  raw: string;
  confidence: number;
  source: SuggestionSource;
  /** The ticket already holds the suggested value. */
  same: boolean;
}

/** What the user decided for a row: accepted or not, and the text they typed instead of the suggestion. */
export interface RowChoice {
  accepted: boolean;
  /** Set once the user edits the value; sent instead of the suggestion. */
  edited?: string;
}

export type Choices = Record<string, RowChoice>;

/**
 * The suggestions for fields of this form, in the form's order, labelled in the UI language
 * (the schema's titles); a suggestion for a field the form does not have is left out.
 */
export function suggestionRows(
  suggestions: readonly OcrSuggestion[],
  form: FormValues,
  order: readonly string[],
  labels: Record<string, string | undefined>,
): SuggestionRow[] {
  return order.flatMap((field) => {
    const s = suggestions.find((x) => x.field === field);
    if (!s) return [];
    return [
      {
        field,
        label: labels[field] ?? field,
        current: form[field],
        suggested: s.value,
        raw: s.raw,
        confidence: s.confidence,
        source: s.source,
        same: sameValue(form[field], s.value),
      },
    ];
  });
}

/** Every row accepted that would change the ticket (edits kept). */
export function acceptAll(rows: readonly SuggestionRow[], choices: Choices): Choices {
  const next = { ...choices };
  for (const row of rows) if (!row.same || next[row.field]?.edited !== undefined) next[row.field] = { ...next[row.field], accepted: true };
  return next;
}

/** A canonical value as the text the user edits (lists comma-separated). */
export function editText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => editText(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The value to send for an edited text: a number for a numeric field when it reads as one, a
 * list for an array field, null when emptied, else the trimmed text (the server parses and
 * validates it like any update, so a bad value comes back as a 400 on its field).
 */
export function parseEdit(text: string, schema: FieldSchema | undefined): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const types = ([] as (string | undefined)[]).concat(schema?.type);
  if (types.includes('array')) {
    return trimmed
      .split(/[,，;；]/)
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if ((types.includes('integer') || types.includes('number')) && /^[-+]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/**
 * The `values` of POST /api/ocr/tickets/:id/apply: each accepted row's suggested value, or the
 * user's edit of it when the edit differs from the suggestion.
 */
export function acceptedValues(
  rows: readonly SuggestionRow[],
  choices: Choices,
  properties: Record<string, FieldSchema | undefined>,
): FormValues {
  const values: FormValues = {};
  for (const row of rows) {
    const choice = choices[row.field];
    if (!choice?.accepted) continue;
    const edited = choice.edited !== undefined && choice.edited.trim() !== editText(row.suggested);
    values[row.field] = edited ? parseEdit(choice.edited as string, properties[row.field]) : row.suggested;
  }
  return values;
}

/** A job record as a progress bar: percent, counts, and whether it still runs. */
export function jobProgress(job: Pick<JobRecord, 'status' | 'progress'> | undefined) {
  const done = job?.progress?.done ?? 0;
  const total = job?.progress?.total ?? 0;
  const active = job?.status === 'queued' || job?.status === 'running';
  const percent = job?.status === 'succeeded' ? 100 : total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return { done, total, percent, active, message: job?.progress?.message ?? '' };
}
