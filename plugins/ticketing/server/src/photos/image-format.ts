/** The photo formats the platform stores (the prebuilt sharp decodes all four). */
export const ACCEPTED_FORMATS = {
  jpeg: { mime: 'image/jpeg', ext: '.jpg' },
  png: { mime: 'image/png', ext: '.png' },
  webp: { mime: 'image/webp', ext: '.webp' },
  tiff: { mime: 'image/tiff', ext: '.tif' },
} as const;

export type AcceptedFormat = keyof typeof ACCEPTED_FORMATS;

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { kind: 'accepted'; format: AcceptedFormat }
  | { kind: 'heic' }
  | { kind: 'refused'; what: string }
  | { kind: 'unknown' };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** Identifies a file by its magic bytes, never by its name or declared type. */
export function sniffImageFormat(bytes: Buffer): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'accepted', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'accepted', format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'accepted', format: 'webp' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'accepted', format: 'tiff' };
  }
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIF_BRANDS.has(brand)) return { kind: 'heic' };
    if (brand === 'avif' || brand === 'avis') return { kind: 'refused', what: 'an AVIF image' };
    return { kind: 'refused', what: 'a video or ISO media file' };
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'refused', what: 'a PDF document' };
  if (ascii(bytes, 0, 2) === 'MZ' || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'refused', what: 'an executable' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'refused', what: 'a ZIP archive or Office document' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'refused', what: 'a GIF image' };
  if (ascii(bytes, 0, 2) === 'BM') return { kind: 'refused', what: 'a BMP image' };
  const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { kind: 'refused', what: 'an SVG image' };
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<')) return { kind: 'refused', what: 'an HTML or XML document' };
  return { kind: 'unknown' };
}
