import { formatIsoDate, isCalendarDate, parseTimeText, splitDateText } from './loose-date';

describe('splitDateText', () => {
  it.each([
    ['2026-11-30', '2026-11-30', ''],
    ['2026/11/30', '2026-11-30', ''],
    ['2026.11.30', '2026-11-30', ''],
    ['2026-1-5', '2026-01-05', ''],
    ['2026年11月30日', '2026-11-30', ''],
    ['2026年1月5号', '2026-01-05', ''],
    ['2026 年 1 月 5 日', '2026-01-05', ''],
    ['20261130', '2026-11-30', ''],
    ['2026-11-30T08:15', '2026-11-30', '08:15'],
    ['2026/11/30 08:15', '2026-11-30', '08:15'],
    ['2026年11月30日8点15分', '2026-11-30', '8点15分'],
  ])('reads %p', (text, date, rest) => {
    const split = splitDateText(text);
    expect(split && formatIsoDate(split.date)).toBe(date);
    expect(split?.rest).toBe(rest);
  });

  it.each(['2026-11/30', '26-11-30', '30.11.2026', '2026113', 'November 30', '202611300', '2026-11-30x'])('refuses %p', (text) => {
    expect(splitDateText(text)).toBeNull();
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate({ year: 2026, month: 2, day: 28 })).toBe(true);
    expect(isCalendarDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isCalendarDate({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isCalendarDate({ year: 2026, month: 2, day: 30 })).toBe(false);
    expect(isCalendarDate({ year: 2026, month: 13, day: 1 })).toBe(false);
    expect(isCalendarDate({ year: 2026, month: 4, day: 31 })).toBe(false);
    expect(isCalendarDate({ year: 2026, month: 1, day: 0 })).toBe(false);
  });
});

describe('parseTimeText', () => {
  it.each([
    ['08:15', { hour: 8, minute: 15, second: 0 }],
    ['8:15:30', { hour: 8, minute: 15, second: 30 }],
    ['08:15:30.250', { hour: 8, minute: 15, second: 30 }],
    ['00:15:00Z', { hour: 0, minute: 15, second: 0, offsetMinutes: 0 }],
    ['08:15+08:00', { hour: 8, minute: 15, second: 0, offsetMinutes: 480 }],
    ['08:15 -0530', { hour: 8, minute: 15, second: 0, offsetMinutes: -330 }],
    ['08:15+08', { hour: 8, minute: 15, second: 0, offsetMinutes: 480 }],
    ['8时15分', { hour: 8, minute: 15, second: 0 }],
    ['8点15分30秒', { hour: 8, minute: 15, second: 30 }],
    ['8 点 15 分', { hour: 8, minute: 15, second: 0 }],
    ['8点', { hour: 8, minute: 0, second: 0 }],
    ['8点15', { hour: 8, minute: 15, second: 0 }],
  ])('reads %p', (text, time) => {
    expect(parseTimeText(text)).toEqual(time);
  });

  it.each(['8', '8:5', 'noon', '8点30秒', '08:15 CST', '08-15'])('refuses %p', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
});
