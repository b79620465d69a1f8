import { foldConfusables, normalizeLabel } from './label-normalizer';

describe('normalizeLabel', () => {
  it.each([
    ['站点名称', '站点名称'],
    ['  Site  Name ', 'sitename'],
    ['Site name:', 'sitename'],
    ['站点名称：', '站点名称'],
    ['ＰＣＩ', 'pci'],
    ['NR-ARFCN', 'nrarfcn'],
    ['nr_arfcn', 'nrarfcn'],
    ['gNodeB ID', 'gnodebid'],
    ['经度(°)', '经度'],
    ['塔高（m）', '塔高'],
    ['塔高（m）:', '塔高'],
    ['Height [m]', 'height'],
    ['Tower height (m)', 'towerheight'],
    ['物理小区标识(PCI)', '物理小区标识'],
    ['【备注】', '备注'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeLabel(text)).toBe(expected);
  });

  it('keeps a label that is only a bracketed word', () => {
    expect(normalizeLabel('(备注)')).toBe('备注');
  });

  it('is empty for punctuation only', () => {
    expect(normalizeLabel(' ：- ')).toBe('');
  });
});

describe('foldConfusables', () => {
  it('folds the glyphs OCR swaps in Latin labels', () => {
    expect(foldConfusables('pcl')).toBe(foldConfusables('pci'));
    expect(foldConfusables('c0de')).toBe('code');
  });
});
