import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { bsFaultSchema } from '../test/schemas';
import { formatValue } from './format-value';

const field = (key: string) => bsFaultSchema.schema.properties[key];

describe('formatValue', () => {
  it('shows enum labels, local date-times, lists and blanks', () => {
    expect(formatValue('critical', field('severity'))).toBe('Critical');
    expect(formatValue('2026-11-30T08:15:00+08:00', field('occurred_at'))).toBe(
      dayjs('2026-11-30T08:15:00+08:00').format('YYYY-MM-DD HH:mm'),
    );
    expect(formatValue(387, field('pci'))).toBe('387');
    expect(formatValue(['a', 'b'], undefined)).toBe('a, b');
    expect(formatValue(undefined, field('pci'))).toBe('—');
    expect(formatValue('', field('site_name'))).toBe('—');
    expect(formatValue('unknown-token', field('severity'))).toBe('unknown-token');
  });

  it('shows a moment in the local format by its shape, and leaves days and other text as they are', () => {
    expect(formatValue('2026-11-30T00:15:00Z', undefined)).toBe(dayjs('2026-11-30T00:15:00Z').format('YYYY-MM-DD HH:mm'));
    expect(formatValue('2026-11-30', field('occurred_at'))).toBe('2026-11-30');
    expect(formatValue('2026-11-30T08:15 is when it broke', field('description'))).toBe('2026-11-30T08:15 is when it broke');
  });
});
