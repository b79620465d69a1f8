import { copyField, copyLine, pgTimestamp } from './copy-into';

describe('COPY text format', () => {
  it('writes null and undefined as \\N and numbers as their digits', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(42)).toBe('42');
    expect(copyField(-1.5)).toBe('-1.5');
  });

  it('escapes the characters COPY reads as structure: backslash, tab, line breaks', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    // JSON keeps its own escapes, doubled for COPY: jsonb gets back the JSON text
    expect(copyField(JSON.stringify({ note: '第1行\n"引号"' }))).toBe('{"note":"第1行\\\\n\\\\"引号\\\\""}');
    expect(copyField('站点名称 plain')).toBe('站点名称 plain');
  });

  it('joins fields with tabs and ends the line', () => {
    expect(copyLine(['a', '\\N', '站']).toString('utf8')).toBe('a\t\\N\t站\n');
  });

  it('writes a Date as the local wall clock with its offset, naming the same instant', () => {
    const instant = new Date(Date.UTC(2026, 11, 7, 23, 5, 9, 42));
    const text = pgTimestamp(instant);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(new Date(text).getTime()).toBe(instant.getTime());
    expect(copyField(instant)).toBe(text);
  });
});
