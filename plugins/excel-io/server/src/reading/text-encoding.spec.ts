import iconv from 'iconv-lite';
import { decodeCsv, EncodingError } from './text-encoding';
import { csvRecords } from './csv-rows';

const text = '站点名称,严重程度\n浦东张江基站01,紧急\n';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('detects GB18030/GBK, what Excel on a Chinese Windows saves', () => {
    expect(decodeCsv(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeCsv(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('refuses UTF-8 with broken bytes instead of guessing', () => {
    const broken = Buffer.concat([Buffer.from('站点名称\n浦东'), Buffer.from([0xff, 0xfe]), Buffer.from('基站\n')]);
    expect(() => decodeCsv(broken)).toThrow(EncodingError);
    expect(() => decodeCsv(broken)).toThrow(/invalid UTF-8 at byte 19/);
  });
});

describe('csvRecords', () => {
  it('numbers records (not lines), keeps quoted delimiters, quotes and line breaks, and leaves cells as text', () => {
    const rows = [...csvRecords('a,b\n"1,5","say ""hi""\nthere"\r\n1.38123E+10,\n', 10)];
    expect(rows).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['1,5', 'say "hi"\nthere'] },
      { number: 3, cells: ['1.38123E+10', null] },
    ]);
  });

  it('detects semicolon and tab delimiters', () => {
    expect([...csvRecords('a;b\n1;2\n', 10)][1].cells).toEqual(['1', '2']);
    expect([...csvRecords('a\tb\n1\t2\n', 10)][1].cells).toEqual(['1', '2']);
  });
});
