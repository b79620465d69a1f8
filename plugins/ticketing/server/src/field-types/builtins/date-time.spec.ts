import { DateTime } from 'luxon';
import type { FieldDefinition } from '../types';
import { dateTimeFieldType as type } from './date-time';

const shanghai = { timeZone: 'Asia/Shanghai' };
const berlin = { timeZone: 'Europe/Berlin' };
const field: FieldDefinition = { key: 'occurred_at', type: 'date-time', label: { 'zh-CN': '发生时间', en: 'Occurred at' }, required: true };

describe('date-time field type in Asia/Shanghai', () => {
  it.each([
    ['2026/11/30 08:15', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30 08:15:30', '2026-11-30T08:15:30+08:00'],
    ['2026-11-30T08:15', '2026-11-30T08:15:00+08:00'],
    ['2026年11月30日 8时15分', '2026-11-30T08:15:00+08:00'],
    ['2026年11月30日8点15分30秒', '2026-11-30T08:15:30+08:00'],
    ['2026年11月30日 08:15', '2026-11-30T08:15:00+08:00'],
    ['2026.11.30 8:15', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30', '2026-11-30T00:00:00+08:00'],
    ['2026年11月30日', '2026-11-30T00:00:00+08:00'],
    ['20261130 23:59:59', '2026-11-30T23:59:59+08:00'],
    ['２０２６－１１－３０　０８：１５', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30T00:15:00Z', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30T00:15:00.000Z', '2026-11-30T08:15:00+08:00'],
    ['2026-11-29T20:15:00-04:00', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30T08:15:00+08:00', '2026-11-30T08:15:00+08:00'],
    ['2026-11-30 08:15:00+0800', '2026-11-30T08:15:00+08:00'],
  ])('parses %p as %p', (input, value) => {
    expect(type.parse(input, field, shanghai)).toEqual({ ok: true, value });
  });

  it('reads exceljs Dates by their UTC fields and Excel serials as wall-clock time', () => {
    expect(type.parse(new Date(Date.UTC(2026, 10, 30, 8, 15, 30)), field, shanghai)).toEqual({ ok: true, value: '2026-11-30T08:15:30+08:00' });
    expect(type.parse(new Date(Date.UTC(2026, 10, 30, 8, 15, 29, 999)), field, shanghai)).toEqual({ ok: true, value: '2026-11-30T08:15:30+08:00' });
    expect(type.parse(46356.34375, field, shanghai)).toEqual({ ok: true, value: '2026-11-30T08:15:00+08:00' });
    expect(type.parse(46356 + 29730 / 86400, field, shanghai)).toEqual({ ok: true, value: '2026-11-30T08:15:30+08:00' });
    expect(type.parse(46356, field, shanghai)).toEqual({ ok: true, value: '2026-11-30T00:00:00+08:00' });
  });

  it.each([
    ['2026-13-01 08:00', 'not a valid date-time: "2026-13-01 08:00"'],
    ['2026-11-30 25:00', 'not a valid date-time: "2026-11-30 25:00"'],
    ['2026-11-30 08:60', 'not a valid date-time: "2026-11-30 08:60"'],
    ['2026-02-30 08:00', 'not a valid date-time: "2026-02-30 08:00"'],
    ['25:00', 'not a valid date-time: "25:00"'],
    ['08:15', 'not a valid date-time: "08:15"'],
    ['yesterday', 'not a valid date-time: "yesterday"'],
    ['2026-11-30 morning', 'not a valid date-time: "2026-11-30 morning"'],
  ])('refuses %p', (input, error) => {
    expect(type.parse(input, field, shanghai)).toEqual({ ok: false, error });
  });

  it('refuses other values, bad serials and invalid Dates', () => {
    expect(type.parse(true, field, shanghai)).toEqual({ ok: false, error: 'not a date-time: true' });
    expect(type.parse({}, field, shanghai).ok).toBe(false);
    expect(type.parse(0, field, shanghai)).toEqual({ ok: false, error: 'not a valid date-time: 0' });
    expect(type.parse(60.5, field, shanghai).ok).toBe(false);
    expect(type.parse(new Date('nope'), field, shanghai).ok).toBe(false);
  });

  it('reads blank as null', () => {
    expect(type.parse(' ', field, shanghai)).toEqual({ ok: true, value: null });
  });

  it('refuses to read in an unknown zone', () => {
    expect(type.parse('2026-11-30 08:15', field, { timeZone: 'Mars/Olympus' })).toEqual({ ok: false, error: 'unknown time zone: "Mars/Olympus"' });
  });
});

describe('date-time field type in Europe/Berlin (DST)', () => {
  it('uses the offset in force on that day', () => {
    expect(type.parse('2026-07-01 08:00', field, berlin)).toEqual({ ok: true, value: '2026-07-01T08:00:00+02:00' });
    expect(type.parse('2026-01-15 08:00', field, berlin)).toEqual({ ok: true, value: '2026-01-15T08:00:00+01:00' });
    expect(type.parse(new Date(Date.UTC(2026, 6, 1, 8)), field, berlin)).toEqual({ ok: true, value: '2026-07-01T08:00:00+02:00' });
  });

  it('converts instants into the zone', () => {
    expect(type.parse('2026-07-01T06:00:00Z', field, berlin)).toEqual({ ok: true, value: '2026-07-01T08:00:00+02:00' });
    expect(type.parse('2026-11-30T08:15:00+08:00', field, berlin)).toEqual({ ok: true, value: '2026-11-30T01:15:00+01:00' });
  });

  it('refuses a wall-clock time skipped by the spring change', () => {
    expect(type.parse('2026-03-29 02:30', field, berlin)).toEqual({
      ok: false,
      error: 'time does not exist in Europe/Berlin (clock change): "2026-03-29 02:30"',
    });
    expect(type.parse('2026-03-29 03:30', field, berlin)).toEqual({ ok: true, value: '2026-03-29T03:30:00+02:00' });
  });

  it('reads a time repeated by the autumn change with the offset luxon picks (standard time)', () => {
    expect(type.parse('2026-10-25 02:30', field, berlin)).toEqual({ ok: true, value: '2026-10-25T02:30:00+01:00' });
  });
});

describe('date-time schema, uiSchema and format', () => {
  it('is an ISO date-time string with a date-time widget and no rules', () => {
    expect(type.schema(field, 'en')).toEqual({ type: 'string', format: 'date-time' });
    expect(type.uiSchema(field, 'en')).toEqual({ 'ui:widget': 'date-time' });
    expect(type.rulesSchema).toEqual({ type: 'object', properties: {}, required: [], additionalProperties: false });
  });

  it('formats in the value’s own offset', () => {
    expect(type.format('2026-11-30T08:15:00+08:00', field, 'zh-CN')).toBe('2026-11-30 08:15:00');
    expect(type.format('2026-07-01T08:00:05+02:00', field, 'en')).toBe('2026-07-01 08:00:05');
    expect(type.format('garbage', field, 'en')).toBe('garbage');
    expect(type.format(null as unknown as string, field, 'en')).toBeNull();
  });
});

describe('date-time parse against luxon', () => {
  it('places every wall clock of three years of Berlin where luxon does, refusing the skipped hour', () => {
        const start = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 3700; i++) {
      const wall = new Date(start + i * (7 * 3_600_000 + 13 * 60_000)).toISOString().slice(0, 19).replace('T', ' ');
      const expected = DateTime.fromFormat(wall, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Berlin' });
      const skipped = expected.toFormat('yyyy-MM-dd HH:mm:ss') !== wall;
      const parsed = type.parse(wall, field, berlin);
      expect([wall, parsed.ok ? parsed.value : 'refused']).toEqual([wall, skipped ? 'refused' : expected.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")]);
    }
  });
});
