import { isUpsideDownPage } from './ocr-pipeline';

describe('isUpsideDownPage', () => {
  it('is true only when most lines were read turned by 180°', () => {
    expect(isUpsideDownPage([{ angle: 180 }, { angle: 180 }, { angle: 0 }])).toBe(true);
    expect(isUpsideDownPage([{ angle: 180 }, { angle: 0 }])).toBe(false);
    expect(isUpsideDownPage([{ angle: 0 }, {}])).toBe(false);
    expect(isUpsideDownPage([])).toBe(false);
  });
});
