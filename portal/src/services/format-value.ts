import dayjs from 'dayjs';
import { choicesOf, type FieldSchema } from './schema-types';

/**
 * A form value as text for tables, history and the conflict dialog: enum labels, dates in the
 * user's format, lists joined, nothing as an em dash.
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
  if (field?.format === 'date-time' && typeof value === 'string' && dayjs(value).isValid()) return dayjs(value).format('YYYY-MM-DD HH:mm');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
