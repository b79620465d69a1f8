import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const badDir = path.resolve(__dirname, '..', '..', '..', 'ocr-service', 'test', 'fixtures', 'bad');

/** A noisy (so not tiny once compressed) JPEG shot sideways (EXIF orientation 6) at a 5G site with GPS. */
export async function siteJpeg(width = 400, height = 200): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 56/1 2400/100' },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export const plainPng = (width = 300, height = 150) =>
  sharp({ create: { width, height, channels: 3, background: '#2266aa' } })
    .png()
    .toBuffer();

/** Files every upload must refuse: [name, bytes, status, a word the message holds]. */
export async function badFiles(): Promise<[string, Buffer, number, RegExp][]> {
  const read = (name: string) => fs.readFileSync(path.join(badDir, name));
  const jpeg = await siteJpeg();
  return [
    ['IMG_0001.HEIC', read('image.heic'), 415, /HEIC/],
    // a HEIC renamed .jpg is still HEIC: the type comes from the bytes
    ['renamed.jpg', read('image.heic'), 415, /HEIC/],
    ['logo.svg', read('image.svg'), 415, /SVG/],
    ['scan.pdf', read('document.pdf'), 415, /PDF/],
    ['photos.zip', read('images.zip'), 415, /ZIP/],
    ['notes.txt', read('notes.txt'), 415, /not a JPEG, PNG, WebP or TIFF/],
    ['page.jpg', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 415, /HTML/],
    ['setup.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), 415, /executable/],
    ['empty.jpg', Buffer.alloc(0), 400, /empty/],
    ['cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 400, /truncated or corrupt/],
    ['bomb.png', read('huge-48mp.png'), 413, /megapixels/],
    ['big.jpg', Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(10 * 1024 * 1024 + 1)]), 413, /limit is 10.0 MB/],
  ];
}
