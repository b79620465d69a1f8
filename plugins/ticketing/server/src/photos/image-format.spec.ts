import { sniffImageFormat } from './image-format';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageFormat', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), { kind: 'accepted', format: 'jpeg' }],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), { kind: 'accepted', format: 'png' }],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), { kind: 'accepted', format: 'webp' }],
    ['TIFF little-endian', bytes('II', [0x2a, 0]), { kind: 'accepted', format: 'tiff' }],
    ['TIFF big-endian', bytes('MM', [0, 0x2a]), { kind: 'accepted', format: 'tiff' }],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic'), { kind: 'heic' }],
    ['HEIF (mif1)', bytes([0, 0, 0, 0x18], 'ftypmif1'), { kind: 'heic' }],
    ['AVIF', bytes([0, 0, 0, 0x18], 'ftypavif'), { kind: 'refused', what: 'an AVIF image' }],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom'), { kind: 'refused', what: 'a video or ISO media file' }],
    ['PDF', bytes('%PDF-1.7'), { kind: 'refused', what: 'a PDF document' }],
    ['Windows executable', bytes('MZ', [0x90, 0]), { kind: 'refused', what: 'an executable' }],
    ['ELF executable', bytes([0x7f], 'ELF'), { kind: 'refused', what: 'an executable' }],
    ['SVG', bytes('  <svg xmlns="http://www.w3.org/2000/svg"/>'), { kind: 'refused', what: 'an SVG image' }],
    ['SVG with XML prolog', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<svg/>'), { kind: 'refused', what: 'an SVG image' }],
    ['HTML', bytes('<!DOCTYPE html><html>'), { kind: 'refused', what: 'an HTML or XML document' }],
    ['GIF', bytes('GIF89a'), { kind: 'refused', what: 'a GIF image' }],
    ['text', bytes('site: 浦东'), { kind: 'unknown' }],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), { kind: 'unknown' }],
  ])('%s', (_name, input, expected) => {
    expect(sniffImageFormat(input)).toEqual(expected);
  });
});
