import { formatValue } from '../../../../services/format-value';
import { choicesOf, type FieldSchema } from '../../../../services/schema-types';
import type { FormValues } from '../../../../services/ticket';
import { sameValue } from '../form/conflict';
import type { JobRecord, OcrSuggestion, SuggestionSource } from './ocr-types';

/** One suggestion as a row beside the form: the field's label, its value now and the one read. */
export interface SuggestionRow {
  field: string;
  label: string;
  current: unknown;
  suggested: unknown;
  /** The suggested value as the form shows it: the text the user sees and edits. */
  display: string;
  raw: string;
  confidence: number;
  source: SuggestionSource;
  /** The ticket already holds the suggested value. */
  same: boolean;
  /** The reading may be wrong: shown with a warning, and "accept all" leaves it unticked. */
  unsure: boolean;
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
        display: s.display ?? editText(s.value),
        raw: s.raw,
        confidence: s.confidence,
        source: s.source,
        same: sameValue(form[field], s.value),
        unsure: s.unsure === true,
      },
    ];
  });
}

/**
 * Every row accepted that would change the ticket (edits kept), except unsure readings: a value
 * that may be misread is never applied with one click; the user ticks it after checking it.
 */
export function acceptAll(rows: readonly SuggestionRow[], choices: Choices): Choices {
  const next = { ...choices };
  for (const row of rows) {
    const edited = next[row.field]?.edited !== undefined;
    if ((row.unsure && !edited) || (row.same && !edited)) continue;
    next[row.field] = { ...next[row.field], accepted: true };
  }
  return next;
}

/** A value as plain text, when the server sent no `display` for it (lists comma-separated). */
export function editText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => editText(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether the user changed the row's text (an edit back to the suggestion is none). */
export function isEdited(row: SuggestionRow, choice: RowChoice | undefined): choice is RowChoice & { edited: string } {
  return choice?.edited !== undefined && choice.edited.trim() !== row.display.trim();
}

// how people separate the items of a list they type (the server's list formats use 、)
const LIST_SEPARATORS = /[,，;；、]/;

/** The token of the choice `text` names by token or label (case-insensitive), if it names one. */
function tokenNamed(text: string, field: FieldSchema | undefined): string | number | boolean | undefined {
  const key = text.toLowerCase();
  return (field && choicesOf(field))?.find((c) => String(c.value).toLowerCase() === key || c.label.toLowerCase() === key)?.value;
}

/**
 * The value to send for an edited text: null when emptied; for a list field (one with `items`)
 * the choice the whole text names, else its items, each a choice's token when it names one; for a field with choices the token of
 * the one it names; else the trimmed text. The server reads that text by the field's type as
 * it reads any input (numbers, dates) and refuses a bad one with a 400 on its field.
 */
export function parseEdit(text: string, field: FieldSchema | undefined): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (field?.items) {
    // a label may hold a separator itself ("传输、电源"): the whole text first
    const whole = tokenNamed(trimmed, field.items);
    if (whole !== undefined) return [whole];
    return trimmed
      .split(LIST_SEPARATORS)
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => tokenNamed(item, field.items) ?? item);
  }
  return tokenNamed(trimmed, field) ?? trimmed;
}

/** An edited text as the form would show its value: a choice's label, a moment in the local format. */
export const shownAs = (text: string, field: FieldSchema | undefined): string => formatValue(parseEdit(text, field), field);

/**
 * The `values` of POST /api/ocr/tickets/:id/apply: each accepted row's suggested value, or the
 * user's edit of it when the edit differs from the suggestion as shown.
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
    values[row.field] = isEdited(row, choice) ? parseEdit(choice.edited, properties[row.field]) : row.suggested;
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
