/**
 * Composites interleaved RGBA onto an opaque background and returns RGB.
 *
 * With `auto`, the background is chosen from the alpha-weighted mean luminance of the image:
 * text on a transparent canvas carries its colour only where alpha > 0, so dark ink gets a
 * white background and light ink a black one. Flattening white-on-transparent onto white (the
 * usual default) would erase the text, and dark-on-transparent onto black likewise.
 */
export function flattenAlpha(
  rgba: Buffer | Uint8Array,
  pixelCount: number,
  background: 'auto' | 'white' | 'black',
): { rgb: Buffer; background: number } {
  let bg: number;
  if (background === 'white') bg = 255;
  else if (background === 'black') bg = 0;
  else bg = inkLuminance(rgba, pixelCount) < 128 ? 255 : 0;
  const rgb = Buffer.allocUnsafe(pixelCount * 3);
  for (let i = 0, j = 0; i < pixelCount * 4; i += 4, j += 3) {
    const a = rgba[i + 3] / 255;
    const inv = (1 - a) * bg;
    rgb[j] = Math.round(rgba[i] * a + inv);
    rgb[j + 1] = Math.round(rgba[i + 1] * a + inv);
    rgb[j + 2] = Math.round(rgba[i + 2] * a + inv);
  }
  return { rgb, background: bg };
}

/** Alpha-weighted mean luminance (Rec. 601) of the visible pixels; 255 for a fully clear image. */
export function inkLuminance(rgba: Buffer | Uint8Array, pixelCount: number): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < pixelCount * 4; i += 4) {
    const a = rgba[i + 3];
    if (a === 0) continue;
    sum += a * (0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
    weight += a;
  }
  return weight > 0 ? sum / weight : 255;
}
