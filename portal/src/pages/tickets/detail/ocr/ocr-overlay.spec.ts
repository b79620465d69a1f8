import { describe, expect, it } from 'vitest';
import { isQuad, scaleQuad, svgPoints } from './ocr-overlay';
import type { Quad } from './ocr-types';

// "PCI:674" as the OCR service read it on dev-004.jpg (761 × 455)
const pciBox: Quad = [
  [39, 172],
  [106, 174],
  [106, 194],
  [39, 192],
];

describe('scaleQuad', () => {
  it('moves a box from the image the OCR read onto the image as displayed, each axis on its own', () => {
    expect(scaleQuad(pciBox, { width: 761, height: 455 }, { width: 380.5, height: 227.5 })).toEqual([
      [19.5, 86],
      [53, 87],
      [53, 97],
      [19.5, 96],
    ]);
    // a displayed size that does not keep the aspect ratio still lands on the same text
    const stretched = scaleQuad(pciBox, { width: 761, height: 455 }, { width: 761, height: 910 })!;
    expect(stretched[0]).toEqual([39, 344]);
  });

  it('keeps a box at full size as it is', () => {
    expect(scaleQuad(pciBox, { width: 761, height: 455 }, { width: 761, height: 455 })).toEqual(pciBox);
  });

  it('draws nothing while a size is unknown (the image not loaded yet, or a result without size)', () => {
    expect(scaleQuad(pciBox, { width: 761, height: 455 }, { width: 0, height: 0 })).toBeNull();
    expect(scaleQuad(pciBox, { width: 0, height: 455 }, { width: 300, height: 200 })).toBeNull();
  });
});

describe('svgPoints and isQuad', () => {
  it('writes an SVG points list rounded to tenths', () => {
    expect(
      svgPoints([
        [1.234, 2],
        [3, 4.56],
        [5, 6],
        [7, 8],
      ]),
    ).toBe('1.2,2 3,4.6 5,6 7,8');
  });

  it('accepts four finite points only', () => {
    expect(isQuad(pciBox)).toBe(true);
    expect(isQuad(pciBox.slice(0, 3))).toBe(false);
    expect(isQuad([[0, 0], [1, 0], [1, Number.NaN], [0, 1]])).toBe(false);
    expect(isQuad(null)).toBe(false);
  });
});
