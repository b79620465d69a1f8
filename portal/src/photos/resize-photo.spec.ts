import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName, MAX_LONG_SIDE } from './resize-photo';
import { findExif, jpegOrientation, withUprightExif } from './jpeg-orientation';

describe('fitWithin', () => {
  it.each([
    [4000, 3000, 2048, 1536],
    [3000, 4000, 1536, 2048],
    [4032, 3024, 2048, 1536],
    [2049, 1000, 2048, 1000],
    [8000, 10, 2048, 3],
    [10, 8000, 3, 2048],
    [100000, 1, 2048, 1],
  ])('%i × %i → %i × %i', (w, h, width, height) => {
    expect(fitWithin(w, h)).toEqual({ width, height });
    expect(Math.max(width, height)).toBeLessThanOrEqual(MAX_LONG_SIDE);
  });
  it('leaves a photo that fits as it is', () => {
    expect(fitWithin(2048, 2048)).toEqual({ width: 2048, height: 2048 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(1000, 500, 500)).toEqual({ width: 500, height: 250 });
  });
});

describe('jpegName', () => {
  it('ends the name in .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('site.tower.png')).toBe('site.tower.jpg');
    expect(jpegName('photo')).toBe('photo.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});

/** A JPEG's start: SOI, an APP1 Exif segment with one IFD0 entry (Orientation), then SOS. */
function exifJpeg(orientation: number, little: boolean): ArrayBuffer {
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little);
  tiff.setUint16(8, 1, little);
  tiff.setUint16(10, 0x0112, little);
  tiff.setUint16(12, 3, little);
  tiff.setUint32(14, 1, little);
  tiff.setUint16(18, orientation, little);
  const app1 = [0xff, 0xe1, 0, 2 + 6 + 26, 0x45, 0x78, 0x69, 0x66, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app1, ...new Uint8Array(tiff.buffer), 0xff, 0xda, 0, 2]).buffer;
}

describe('jpegOrientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i, both byte orders', (n) => {
    expect(jpegOrientation(exifJpeg(n, true))).toBe(n);
    expect(jpegOrientation(exifJpeg(n, false))).toBe(n);
  });
  it('is 1 without EXIF, for a PNG, for nonsense and for a cut-off header', () => {
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]).buffer)).toBe(1);
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer)).toBe(1);
    expect(jpegOrientation(exifJpeg(9, true))).toBe(1);
    expect(jpegOrientation(exifJpeg(6, true).slice(0, 20))).toBe(1);
  });
});

describe('withUprightExif', () => {
  // a canvas's JPEG: SOI, a JFIF APP0 of 16 bytes, then the scan
  const canvasJpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0x4a), 0xff, 0xda, 0, 2, 1, 2, 3]).buffer;

  it.each([true, false])('puts the source Exif after the JFIF segment with orientation 1 (little endian: %s)', (little) => {
    const source = exifJpeg(6, little);
    const exif = findExif(source)!;
    expect(exif.orientation).toBe(6);
    const out = withUprightExif(canvasJpeg(), source, exif);
    expect(out.length).toBe(canvasJpeg().byteLength + (exif.end - exif.start));
    expect([...out.subarray(0, 20)]).toEqual([...new Uint8Array(canvasJpeg()).subarray(0, 20)]);
    expect([out[20], out[21]]).toEqual([0xff, 0xe1]);
    expect(jpegOrientation(out.slice().buffer)).toBe(1);
    // the rest of the segment is the source's, byte for byte, and the scan follows it
    const moved = findExif(out.slice().buffer)!;
    expect(moved.end - moved.start).toBe(exif.end - exif.start);
    expect([...out.subarray(out.length - 7)]).toEqual([0xff, 0xda, 0, 2, 1, 2, 3]);
    // the source is left as it was
    expect(jpegOrientation(source)).toBe(6);
  });

  it('goes right after the SOI when there is no JFIF segment', () => {
    const source = exifJpeg(8, true);
    const out = withUprightExif(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]).buffer, source, findExif(source)!);
    expect([out[2], out[3]]).toEqual([0xff, 0xe1]);
    expect(jpegOrientation(out.slice().buffer)).toBe(1);
  });
});
