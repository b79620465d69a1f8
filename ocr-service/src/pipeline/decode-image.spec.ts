import { jpegShrink } from './decode-image';

describe('jpegShrink', () => {
  it('shrinks only images at least twice the threshold, by powers of two, keeping the longest side above it', () => {
    expect(jpegShrink(1885, 990, 2000)).toBe(1);
    expect(jpegShrink(3999, 3000, 2000)).toBe(1);
    expect(jpegShrink(4032, 3024, 2000)).toBe(2);
    expect(jpegShrink(3024, 8064, 2000)).toBe(4);
    expect(jpegShrink(100000, 10, 2000)).toBe(8);
  });

  it('is off at 0', () => {
    expect(jpegShrink(8000, 6000, 0)).toBe(1);
  });
});
