import { csvField, csvLine } from './csv-writer';

describe('CSV fields (RFC 4180, formula injection)', () => {
  it.each([
    ['plain', 'plain'],
    ['浦东张江', '浦东张江'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-5 dBm', "'-5 dBm"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['', ''],
  ])('%j → %j', (text, field) => expect(csvField(text)).toBe(field));

  it('lines end with CRLF', () => expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n'));
});
