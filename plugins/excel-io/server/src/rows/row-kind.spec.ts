import { skipKind } from './row-kind';

const mapped = [1, 2, 3];

describe('skipKind', () => {
  it.each([
    [[], 'blank'],
    [[null, '  ', null], 'blank'],
    [[301], 'template'],
    [[301, null, null, null, '上海'], 'template'],
    [['合计', 117], 'totals'],
    [[null, 'Total:', null, 5], 'totals'],
    [['注：1. 红色为紧急故障；2. 数据来源：网管系统导出。'], 'note'],
    [[null, 'Note: coordinates are WGS84'], 'note'],
  ])('%j → %s', (cells, kind) => expect(skipKind(cells, mapped)).toBe(kind));

  it('a row with data in a mapped column is data, even with one cell', () => {
    expect(skipKind([1, '浦东张江基站01'], mapped)).toBeNull();
    expect(skipKind([null, null, 387], mapped)).toBeNull();
  });
});
