import { detInputSize } from './det-resize';

const opts = { maxSide: 1280, minSide: 640, maxUpscale: 2, multiple: 32 };

describe('detInputSize', () => {
  it('scales a large image down to the max side, multiples of 32', () => {
    expect(detInputSize(1885, 990, opts)).toEqual({ width: 1280, height: 672 });
  });
  it('keeps a mid-size image, rounding to 32', () => {
    expect(detInputSize(1168, 1195, opts)).toEqual({ width: 1184, height: 1184 });
  });
  it('scales a small photo up so its short side reaches minSide', () => {
    expect(detInputSize(323, 430, opts)).toEqual({ width: 640, height: 864 });
  });
  it('never scales up by more than maxUpscale, nor past maxSide', () => {
    expect(detInputSize(136, 48, opts)).toEqual({ width: 288, height: 96 });
    expect(detInputSize(1000, 100, { ...opts, maxUpscale: 10 })).toEqual({ width: 1280, height: 128 });
  });
  it('gives at least one stride per side', () => {
    expect(detInputSize(5, 5, { ...opts, minSide: 0 })).toEqual({ width: 32, height: 32 });
  });
});
