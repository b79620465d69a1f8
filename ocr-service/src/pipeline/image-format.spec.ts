import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sniffFormat } from './image-format';

const fx = (rel: string) => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', rel));

describe('sniffFormat', () => {
  it.each([
    ['dev/dev-001.jpg', 'jpeg', true],
    ['peer/black_font_color_transparent.png', 'png', true],
    ['bad/image.heic', 'heic', false],
    ['bad/image.avif', 'avif', false],
    ['bad/image.bmp', 'bmp', false],
    ['bad/image.svg', 'svg', false],
    ['bad/document.pdf', 'pdf', false],
    ['bad/images.zip', 'zip', false],
    ['bad/notes.txt', 'unknown', false],
  ])('%s → %s (supported: %s)', (rel, format, supported) => {
    expect(sniffFormat(fx(rel))).toEqual({ format, supported });
  });
  it('recognises WebP and both TIFF byte orders', () => {
    expect(sniffFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')).format).toBe('webp');
    expect(sniffFormat(Buffer.from([0x49, 0x49, 0x2a, 0])).format).toBe('tiff');
    expect(sniffFormat(Buffer.from([0x4d, 0x4d, 0, 0x2a])).format).toBe('tiff');
  });
});
