import type { FieldDefinition } from '../types';
import { dateFieldType as type } from './date';

const shanghai = { timeZone: 'Asia/Shanghai' };
const berlin = { timeZone: 'Europe/Berlin' };
const field: FieldDefinition = { key: 'survey_date', type: 'date', label: { 'zh-CN': '勘察日期', en: 'Survey date' }, required: true };

describe('date field type', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026/11/30', '2026-11-30'],
    ['2026.11.30', '2026-11-30'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月30日', '2026-11-30'],
    ['2026年1月5号', '2026-01-05'],
    ['20261130', '2026-11-30'],
    [' ２０２６年１１月３０日 ', '2026-11-30'],
    ['2028-02-29', '2028-02-29'],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, shanghai)).toEqual({ ok: true, value });
  });

  it('reads exceljs Dates by their UTC fields', () => {
    expect(type.parse(new Date(Date.UTC(2026, 10, 30)), field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
    expect(type.parse(new Date(Date.UTC(2026, 10, 30, 23, 0)), field, berlin)).toEqual({ ok: true, value: '2026-11-30' });
  });

  it('reads Excel serials, ignoring the fraction and the 1900 leap-year bug', () => {
    expect(type.parse(46356, field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
    expect(type.parse(46356.99, field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
    expect(type.parse(1, field, shanghai)).toEqual({ ok: true, value: '1900-01-01' });
    expect(type.parse(59, field, shanghai)).toEqual({ ok: true, value: '1900-02-28' });
    expect(type.parse(61, field, shanghai)).toEqual({ ok: true, value: '1900-03-01' });
    expect(type.parse(2958465, field, shanghai)).toEqual({ ok: true, value: '9999-12-31' });
  });

  it('reads an ISO date-time as the date it is in the platform zone', () => {
    expect(type.parse('2026-11-29T20:00:00Z', field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
    expect(type.parse('2026-11-30T08:15:00+08:00', field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
    expect(type.parse('2026-11-30T00:15:00+08:00', field, berlin)).toEqual({ ok: true, value: '2026-11-29' });
    expect(type.parse('2026-11-30T23:30:00', field, shanghai)).toEqual({ ok: true, value: '2026-11-30' });
  });

  it.each([
    ['2026-02-30', 'not a valid date: "2026-02-30"'],
    ['2026-13-01', 'not a valid date: "2026-13-01"'],
    ['2026-11-30T25:00:00', 'not a valid date: "2026-11-30T25:00:00"'],
    ['2026-11-30 08:15', 'a date must not have a time: "2026-11-30 08:15"'],
    ['2026年11月30日 8点', 'a date must not have a time: "2026年11月30日 8点"'],
    ['abc', 'not a date: "abc"'],
    ['30/11/2026', 'not a date: "30/11/2026"'],
  ])('refuses %p', (input, error) => {
    expect(type.parse(input, field, shanghai)).toEqual({ ok: false, error });
  });

  it('refuses bad serials, invalid Dates and other values', () => {
    expect(type.parse(60, field, shanghai)).toEqual({ ok: false, error: 'not a valid date: 60' });
    expect(type.parse(0, field, shanghai)).toEqual({ ok: false, error: 'not a valid date: 0' });
    expect(type.parse(2958466, field, shanghai).ok).toBe(false);
    expect(type.parse(-5, field, shanghai).ok).toBe(false);
    expect(type.parse(new Date('nope'), field, shanghai)).toEqual({ ok: false, error: 'not a valid date: Invalid Date' });
    expect(type.parse(true, field, shanghai)).toEqual({ ok: false, error: 'not a date: true' });
  });

  it('reads blank as null', () => {
    expect(type.parse(undefined, field, shanghai)).toEqual({ ok: true, value: null });
  });

  it('is a date string with a date widget, formatted as is', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'string', format: 'date' });
    expect(type.uiSchema(field, 'en')).toEqual({ 'ui:widget': 'date' });
    expect(type.format('2026-11-30', field, 'zh-CN')).toBe('2026-11-30');
  });
});
