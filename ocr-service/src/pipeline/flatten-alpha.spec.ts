import { flattenAlpha, inkLuminance } from './flatten-alpha';

/** A 4-pixel RGBA strip: two transparent pixels, two opaque ink pixels of `ink` grey. */
const strip = (ink: number, clear: number) =>
  Buffer.from([clear, clear, clear, 0, ink, ink, ink, 255, ink, ink, ink, 255, clear, clear, clear, 0]);

describe('flattenAlpha', () => {
  it('puts dark ink on white', () => {
    const { rgb, background } = flattenAlpha(strip(10, 0), 4, 'auto');
    expect(background).toBe(255);
    expect([...rgb]).toEqual([255, 255, 255, 10, 10, 10, 10, 10, 10, 255, 255, 255]);
  });
  it('puts light ink on black (the transparent pixels may hold any colour)', () => {
    const { rgb, background } = flattenAlpha(strip(250, 255), 4, 'auto');
    expect(background).toBe(0);
    expect([...rgb]).toEqual([0, 0, 0, 250, 250, 250, 250, 250, 250, 0, 0, 0]);
  });
  it('blends partial alpha and honours a forced background', () => {
    const half = Buffer.from([0, 0, 0, 128]);
    expect([...flattenAlpha(half, 1, 'white').rgb]).toEqual([127, 127, 127]);
    expect([...flattenAlpha(half, 1, 'black').rgb]).toEqual([0, 0, 0]);
  });
  it('weights luminance by alpha; a fully clear image counts as light', () => {
    expect(inkLuminance(strip(100, 255), 4)).toBeCloseTo(100);
    expect(inkLuminance(Buffer.from([0, 0, 0, 0]), 1)).toBe(255);
  });
});
