/** Encodings the service decodes: what the prebuilt sharp reads without optional codecs. */
export type SupportedFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

/** What the leading bytes say a file is; `supported` false names formats we refuse. */
export interface SniffedFormat {
  format: string;
  supported: boolean;
}

const startsWith = (buf: Buffer, bytes: number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

/**
 * Identifies an image by its magic bytes, before any decoder sees it. We allow-list instead of
 * trusting sharp because sharp also opens SVG, PDF-ish, GIF and HEIF/AVIF, which are out of
 * scope (and SVG can reference external resources).
 */
export function sniffFormat(buf: Buffer): SniffedFormat {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { format: 'jpeg', supported: true };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', supported: true };
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { format: 'webp', supported: true };
  }
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { format: 'tiff', supported: true };
  }
  if (startsWith(buf, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = buf.subarray(8, 12).toString('latin1');
    return { format: /^avi[fs]$/.test(brand) ? 'avif' : 'heic', supported: false };
  }
  if (startsWith(buf, [0x42, 0x4d])) return { format: 'bmp', supported: false };
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return { format: 'gif', supported: false };
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return { format: 'pdf', supported: false };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    return { format: 'zip', supported: false };
  }
  const head = buf.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { format: 'svg', supported: false };
  return { format: 'unknown', supported: false };
}
