import { cellOf, looksLikeFormula, textOf } from './cell-values';
import type { ExportColumn } from './columns';
import type { FieldType, ListedTicket } from './ticketing-slice';

const ticket = (form: Record<string, unknown>): ListedTicket => ({
  documentId: 'doc1',
  type: 't',
  typeVersion: 1,
  status: 'in_progress',
  form,
  photos: [],
  creator: { id: 1, username: '王工' },
  createdAt: '2026-11-30T08:15:00.042+08:00',
  updatedAt: '2026-12-01T23:59:59.000+08:00',
});

// a stand-in field type: only format and filterInput matter to a cell
const fieldColumn = (filterInput: FieldType['filterInput'], format: FieldType['format']): ExportColumn => ({
  key: 'f',
  header: 'F',
  source: 'field',
  field: { key: 'f', type: 'x', label: { 'zh-CN': 'F', en: 'F' } },
  type: { filterInput, format } as FieldType,
});

describe('cellOf', () => {
  it('a day is an Excel date at midnight of its wall clock', () => {
    expect(cellOf(fieldColumn('day-range', (v) => v as string), ticket({ f: '2026-11-30' }), 'zh-CN')).toEqual({
      kind: 'moment',
      date: new Date(Date.UTC(2026, 10, 30)),
      withTime: false,
      text: '2026-11-30',
    });
  });
  it('a moment keeps its wall clock in the platform zone', () => {
    const cell = cellOf(fieldColumn('moment-range', () => '2026-11-30 08:15:00'), ticket({ f: '2026-11-30T08:15:00+08:00' }), 'zh-CN');
    expect(cell).toMatchObject({ kind: 'moment', withTime: true, text: '2026-11-30 08:15:00' });
    expect(cell.kind === 'moment' && cell.date.toISOString()).toBe('2026-11-30T08:15:00.000Z');
  });
  it('numbers stay numbers; text (a phone) stays text; blanks are empty', () => {
    expect(cellOf(fieldColumn('whole-range', (v) => v as number), ticket({ f: 387 }), 'zh-CN')).toEqual({ kind: 'number', value: 387, text: '387' });
    expect(cellOf(fieldColumn('search', (v) => v as string), ticket({ f: '13800138000' }), 'zh-CN')).toEqual({ kind: 'text', text: '13800138000' });
    expect(cellOf(fieldColumn('search', (v) => v as string), ticket({}), 'zh-CN')).toEqual({ kind: 'empty', text: '' });
  });
  it("the ticket's own columns: state label, creator, timestamps as moments", () => {
    const meta = (key: 'status' | 'creator' | 'createdAt') => cellOf({ key, header: key, source: 'meta' }, ticket({}), 'zh-CN');
    expect(meta('status')).toEqual({ kind: 'text', text: '处理中' });
    expect(meta('creator')).toEqual({ kind: 'text', text: '王工' });
    expect(meta('createdAt')).toMatchObject({ kind: 'moment', text: '2026-11-30 08:15:00' });
  });
  it('a full wall clock is read by position, a short one by pattern; anything else stays text', () => {
    const full = (text: string, filter: 'day-range' | 'moment-range') => cellOf(fieldColumn(filter, () => text), ticket({ f: 1 }), 'zh-CN');
    expect(full('2026-02-09T23:59:07+08:00', 'moment-range')).toEqual({ kind: 'moment', date: new Date(Date.UTC(2026, 1, 9, 23, 59, 7)), withTime: true, text: '2026-02-09 23:59:07' });
    expect(full('2026-02-09 23:59:07', 'day-range')).toEqual({ kind: 'moment', date: new Date(Date.UTC(2026, 1, 9)), withTime: false, text: '2026-02-09' });
    expect(full('2026-02-09 08:05', 'moment-range')).toEqual({ kind: 'moment', date: new Date(Date.UTC(2026, 1, 9, 8, 5)), withTime: true, text: '2026-02-09 08:05:00' });
    expect(full('2026-2-09 23:59:07', 'moment-range')).toEqual({ kind: 'text', text: '2026-2-09 23:59:07' });
  });
  it('textOf (what CSV writes) is always the cell’s text, made without the cell', () => {
    const columns: ExportColumn[] = [
      fieldColumn('day-range', (v) => v as string),
      fieldColumn('moment-range', (v) => String(v).replace('T', ' ').slice(0, 19)),
      fieldColumn('moment-range', () => '2026-11-30 8:05'),
      fieldColumn('moment-range', () => 'not a moment'),
      fieldColumn('whole-range', (v) => v as number),
      fieldColumn('whole-range', () => Number.NaN),
      fieldColumn('search', (v) => v as string),
      ...(['id', 'status', 'creator', 'createdAt', 'updatedAt'] as const).map((key): ExportColumn => ({ key, header: key, source: 'meta' })),
    ];
    for (const value of ['2026-11-30', '2026-11-30T08:15:00+08:00', 387, '=cmd', '', null]) {
      for (const column of columns) {
        const t = ticket({ f: value });
        expect([column.key, value, textOf(column, t, 'zh-CN')]).toEqual([column.key, value, cellOf(column, t, 'zh-CN').text]);
      }
    }
    expect(textOf({ key: 'createdAt', header: 'c', source: 'meta' }, ticket({}), 'zh-CN')).toBe('2026-11-30 08:15:00');
  });
  it('looksLikeFormula', () => {
    expect(['=1', '+1', '-1', '@a', '\t=1', '\r=1'].every(looksLikeFormula)).toBe(true);
    expect(['1', 'a=b', ' =1', '浦东'].some(looksLikeFormula)).toBe(false);
  });
});
