// Draws the portal's PNG icons from its SVG mark (public/icons/mark.svg) with sharp:
// `node scripts/make-icons.mjs` after changing the mark; the PNGs are committed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const icons = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const mark = await readFile(path.join(icons, 'mark.svg'), 'utf8');
const background = '#1677ff';

/** The mark on a full square of the theme colour, scaled to `scale` of the side (maskable icons keep it inside the 80 % safe zone). */
function framed(scale, rounded) {
  const inner = mark.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const offset = (512 * (1 - scale)) / 2;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` +
      `<rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="${background}"/>` +
      `<g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g></svg>`,
  );
}

const outputs = [
  { file: 'icon-192.png', size: 192, svg: framed(1, true) },
  { file: 'icon-512.png', size: 512, svg: framed(1, true) },
  // Android crops maskable icons to a circle or squircle: no rounded corners, the mark smaller
  { file: 'icon-maskable-512.png', size: 512, svg: framed(0.7, false) },
  // iOS rounds the corners itself and ignores the manifest's icons
  { file: 'apple-touch-icon-180.png', size: 180, svg: framed(0.85, false) },
];
for (const { file, size, svg } of outputs) {
  await sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(icons, file));
  console.log(`wrote public/icons/${file} (${size}×${size})`);
}
