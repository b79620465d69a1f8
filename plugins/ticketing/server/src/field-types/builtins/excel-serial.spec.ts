import { dateToWallClock, excelSerialToWallClock } from './excel-serial';

const day = (year: number, month: number, d: number, hour = 0, minute = 0, second = 0) => ({ year, month, day: d, hour, minute, second });

describe('excelSerialToWallClock', () => {
  it('counts from 1900-01-01 and skips the phantom 1900-02-29', () => {
    expect(excelSerialToWallClock(1, false)).toEqual(day(1900, 1, 1));
    expect(excelSerialToWallClock(59, false)).toEqual(day(1900, 2, 28));
    expect(excelSerialToWallClock(60, false)).toBeNull();
    expect(excelSerialToWallClock(61, false)).toEqual(day(1900, 3, 1));
    expect(excelSerialToWallClock(45658, false)).toEqual(day(2025, 1, 1));
    expect(excelSerialToWallClock(46356, false)).toEqual(day(2026, 11, 30));
    expect(excelSerialToWallClock(2958465, false)).toEqual(day(9999, 12, 31));
  });

  it('keeps the time of day to the nearest second, or drops it', () => {
    expect(excelSerialToWallClock(46356.34375, true)).toEqual(day(2026, 11, 30, 8, 15));
    expect(excelSerialToWallClock(46356.34375, false)).toEqual(day(2026, 11, 30));
    // 08:15:30 less a float's worth
    expect(excelSerialToWallClock(46356 + 29730 / 86400 - 1e-9, true)).toEqual(day(2026, 11, 30, 8, 15, 30));
    expect(excelSerialToWallClock(46356.9999999, true)).toEqual(day(2026, 12, 1));
  });

  it('refuses serials outside 1–2958465', () => {
    for (const serial of [0, 0.5, -1, 2958466, NaN, Infinity]) expect(excelSerialToWallClock(serial, true)).toBeNull();
  });
});

describe('dateToWallClock', () => {
  it('reads UTC fields, rounded to the second', () => {
    expect(dateToWallClock(new Date(Date.UTC(2026, 10, 30, 8, 15, 29, 999)))).toEqual(day(2026, 11, 30, 8, 15, 30));
    expect(dateToWallClock(new Date(Date.UTC(2026, 10, 30)))).toEqual(day(2026, 11, 30));
  });

  it('refuses an invalid Date', () => {
    expect(dateToWallClock(new Date('nope'))).toBeNull();
  });
});
