import { layoutLinks, sameRow, type LayoutUnit } from './layout-pairs';

const unit = (role: LayoutUnit['role'], x0: number, y0: number, x1: number, y1: number): LayoutUnit => ({ role, rect: { x0, y0, x1, y1 } });

describe('layoutLinks', () => {
  it('pairs a label with the nearest value to its right in its row', () => {
    const units = [unit('label', 0, 0, 80, 30), unit('value', 300, 4, 400, 32), unit('value', 120, 2, 250, 31)];
    expect(layoutLinks(units)).toEqual([expect.objectContaining({ label: 0, value: 2, kind: 'right' })]);
  });

  it('stops at another label to the right (a header row)', () => {
    const units = [unit('label', 0, 0, 80, 30), unit('label', 120, 0, 200, 30), unit('value', 0, 50, 100, 80), unit('value', 120, 50, 200, 80)];
    expect(layoutLinks(units)).toEqual([
      expect.objectContaining({ label: 0, value: 2, kind: 'below' }),
      expect.objectContaining({ label: 1, value: 3, kind: 'below' }),
    ]);
  });

  it('pairs a stacked label with the value under it, not one in another column', () => {
    const units = [unit('label', 0, 0, 80, 30), unit('value', 0, 45, 300, 75), unit('value', 400, 40, 500, 70)];
    expect(layoutLinks(units)).toEqual([expect.objectContaining({ label: 0, value: 1, kind: 'below' })]);
  });

  it('does not reach past a label below, nor too far down', () => {
    expect(layoutLinks([unit('label', 0, 0, 80, 30), unit('label', 0, 45, 80, 75), unit('value', 0, 90, 80, 120)])).toEqual([
      expect.objectContaining({ label: 1, value: 2, kind: 'below' }),
    ]);
    expect(layoutLinks([unit('label', 0, 0, 80, 30), unit('value', 0, 200, 80, 230)])).toEqual([]);
  });

  it('ignores lines already read as pairs', () => {
    expect(layoutLinks([unit('label', 0, 0, 80, 30), unit('other', 100, 0, 300, 30)])).toEqual([]);
  });

  it('tells rows apart by vertical overlap', () => {
    expect(sameRow({ x0: 0, y0: 0, x1: 1, y1: 30 }, { x0: 5, y0: 10, x1: 6, y1: 40 })).toBe(true);
    expect(sameRow({ x0: 0, y0: 0, x1: 1, y1: 30 }, { x0: 5, y0: 20, x1: 6, y1: 50 })).toBe(false);
  });
});
