import { weakestChar } from './char-confidence';
import { suggestFields } from './suggest-fields';
import { box, builtinReader, line, seedFields } from './spec-support';
import type { OcrLineInput } from './types';

const BS_FAULT = seedFields('bs-fault');

/** A line whose characters have the given confidences (one per code point), 1 where not given. */
function read(text: string, weak: Record<number, number> = {}, y = 0): OcrLineInput {
  const chars = Array.from(text);
  return { ...line(text, 0, y), confidence: 0.95, charConfidences: chars.map((_, i) => weak[i] ?? 0.999) };
}

const suggest = (lines: OcrLineInput[], unsureBelow?: number) =>
  suggestFields({ fields: BS_FAULT, reader: builtinReader, images: [{ image: 'p1', lines }], unsureBelow }).data;

describe('weakestChar: the weakest confidence of a span of a line', () => {
  it('takes the lowest letter or digit of the span, by code point', () => {
    // 纬度：31.3371 — code points 3..9 are the value; the 8 at 4 read unsure
    expect(weakestChar(read('纬度：81.3371', { 0: 0.2, 3: 0.41 }), 3, 10)).toBe(0.41);
    expect(weakestChar(read('纬度：81.3371', { 0: 0.2 }), 3, 10)).toBe(0.999);
  });

  it('counts letters and digits of any script, not spaces, colons or commas', () => {
    expect(weakestChar(read('2025/01/20 09:13:32', { 10: 0.1, 13: 0.3, 4: 0.2, 3: 0.6 }), 0, 19)).toBe(0.6);
    expect(weakestChar(read('金鞋城，空调', { 3: 0.2, 1: 0.52 }), 0, 6)).toBe(0.52);
  });

  it('counts characters outside the basic plane as one code point each', () => {
    expect(weakestChar(read('𠮷野家', { 0: 0.3, 1: 0.9 }), 1, 3)).toBe(0.9);
    expect(weakestChar(read('𠮷野家', { 0: 0.3, 1: 0.9 }), 0, 1)).toBe(0.3);
  });

  it('is null without per-character confidences, when they do not match the text, or for a span without letters or digits', () => {
    expect(weakestChar(line('PCI: 814', 0, 0), 5, 8)).toBeNull();
    expect(weakestChar({ ...line('PCI: 814', 0, 0), charConfidences: [0.9, 0.9] }, 5, 8)).toBeNull();
    expect(weakestChar({ ...line('814', 0, 0), charConfidences: [0.9, Number.NaN, 0.9] }, 0, 3)).toBeNull();
    expect(weakestChar(read('：：'), 0, 2)).toBeNull();
  });
});

describe('suggestions carry the weakest character of their value', () => {
  it('a pair in one line: the value characters count, the label does not', () => {
    // 经度 misread at 0.1 (the label), the value 119.080836 sure but for a 0.62 on its 3rd digit
    const [s] = suggest([read('经度：119.080836', { 0: 0.1, 5: 0.62 })]);
    expect(s).toMatchObject({ field: 'longitude', value: 119.080836, minCharConfidence: 0.62 });
  });

  it('several pairs in one line: each its own value characters', () => {
    const text = '经度 113.9 纬度 81.8371';
    const at = Array.from(text).indexOf('8');
    const data = suggest([read(text, { [at]: 0.33, 1: 0.2 })], 0.7);
    expect(data.map((d) => [d.field, d.minCharConfidence, d.unsure])).toEqual([
      ['longitude', 0.999, false],
      ['latitude', 0.33, true],
    ]);
  });

  it('a label with its value on the next line (or in the next cell): the value line counts', () => {
    const data = suggest([read('联系电话', { 0: 0.1 }, 0), read(' 17732558400 ', { 5: 0.45 }, 40)], 0.7);
    expect(data).toEqual([expect.objectContaining({ field: 'reporter_phone', value: '17732558400', minCharConfidence: 0.45, unsure: true })]);
    const table = suggest([{ ...read('PCI'), box: box(0, 0, 60, 30) }, { ...read('：674', { 0: 0.2, 2: 0.8 }), box: box(200, 0, 80, 30) }], 0.7);
    expect(table).toEqual([expect.objectContaining({ field: 'pci', value: 674, minCharConfidence: 0.8, unsure: false })]);
  });

  it('is unsure only below the threshold given, and never without one', () => {
    const lines = [read('PCI: 674', { 6: 0.69 })];
    expect(suggest(lines)[0]).toMatchObject({ minCharConfidence: 0.69, unsure: false });
    expect(suggest(lines, 0.69)[0]).toMatchObject({ unsure: false });
    expect(suggest(lines, 0.7)[0]).toMatchObject({ unsure: true });
  });

  it('an old result without per-character confidences is not unsure', () => {
    expect(suggest([line('PCI: 674', 0, 0)], 0.7)[0]).toMatchObject({ value: 674, minCharConfidence: null, unsure: false });
  });
});
