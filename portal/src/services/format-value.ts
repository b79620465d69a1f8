import dayjs from 'dayjs';
import { choicesOf, type FieldSchema } from './schema-types';

// the platform writes every moment as ISO 8601 with its offset (`2026-11-30T08:15:00+08:00`):
// that one shape is shown in the user's format, whatever field holds it
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A form value as text for tables, history and the conflict dialog: the label of a choice,
 * moments in the user's format, lists joined, nothing as an em dash.
 */
export function formatValue(value: unknown, field: FieldSchema | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) {
    const itemField = field?.items;
    return value.length ? value.map((item) => formatValue(item, itemField)).join(', ') : '—';
  }
  const choices = field ? choicesOf(field) : null;
  if (choices) {
    const choice = choices.find((c) => c.value === value);
    if (choice) return choice.label;
  }
  if (typeof value === 'string' && MOMENT.test(value) && dayjs(value).isValid()) return dayjs(value).format('YYYY-MM-DD HH:mm');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
