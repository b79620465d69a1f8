import { detInputSize, needsFullPass } from './det-resize';

const opts = { maxSide: 1280, minSide: 640, maxUpscale: 2, multiple: 32 };

describe('detInputSize', () => {
  it('scales a large image down to the max side, multiples of 32', () => {
    expect(detInputSize(1885, 990, opts)).toMatchObject({ width: 1280, height: 672 });
  });
  it('keeps a mid-size image, rounding to 32', () => {
    expect(detInputSize(1168, 1195, opts)).toMatchObject({ width: 1184, height: 1184 });
  });
  it('scales a small photo up so its short side reaches minSide', () => {
    expect(detInputSize(323, 430, opts)).toMatchObject({ width: 640, height: 864 });
  });
  it('never scales up by more than maxUpscale, nor past maxSide', () => {
    expect(detInputSize(136, 48, opts)).toMatchObject({ width: 288, height: 96 });
    expect(detInputSize(1000, 100, { ...opts, maxUpscale: 10 })).toMatchObject({ width: 1280, height: 128 });
  });
  it('gives at least one stride per side', () => {
    expect(detInputSize(5, 5, { ...opts, minSide: 0 })).toMatchObject({ width: 32, height: 32 });
  });
});

describe('needsFullPass', () => {
  const policy = { minTextHeight: 16, textHeightQuantile: 0.1 };

  it('keeps the first pass when its small text is tall enough in detector pixels', () => {
    // 40 px boxes at scale 0.5 are 20 detector pixels.
    expect(needsFullPass([40, 50, 60], 0.5, policy)).toBe(false);
  });

  it('asks for the full pass when the small text is under the minimum', () => {
    expect(needsFullPass([30, 50, 60], 0.5, policy)).toBe(true);
  });

  it('asks for the full pass when the first found nothing', () => {
    expect(needsFullPass([], 0.5, policy)).toBe(true);
  });
});
