import { cellText, serialToDate } from './cell-value';

describe('cellText', () => {
  it('shows a date cell as the sheet shows it, never as UTC', () => {
    // exceljs Dates carry the wall clock in their UTC fields
    expect(cellText(new Date(Date.UTC(2026, 10, 29, 1, 7)))).toBe('2026-11-29 01:07:00');
    expect(cellText(new Date(Date.UTC(2026, 10, 29)))).toBe('2026-11-29');
    // serial 46356 is 2026-11-30 (45658 is 2025-01-01, plus 365 + 333 days)
    expect(cellText(serialToDate(46356.5, false))).toBe('2026-11-30 12:00:00');
  });

  it('trims text and shows numbers, booleans, blanks and problems', () => {
    expect(cellText('  浦东  ')).toBe('浦东');
    expect(cellText(387)).toBe('387');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText({ problem: 'formula error #N/A' })).toBe('formula error #N/A');
  });
});
