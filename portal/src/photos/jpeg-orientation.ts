/** Where a JPEG's APP1 Exif segment lies, and its Orientation (1–8; 1 when it names none). */
export interface ExifSegment {
  /** Byte offsets of the segment, its 0xFFE1 marker included. */
  start: number;
  end: number;
  orientation: number;
  /** Offset of the Orientation value (a 16-bit number), null when the segment names none. */
  orientationAt: number | null;
  littleEndian: boolean;
}

/**
 * The Exif segment among a JPEG's first bytes, null when it has none or is no JPEG. Only the
 * first IFD is read: where Orientation lives (tag 0x0112).
 */
export function findExif(bytes: ArrayBuffer): ExifSegment | null {
  const view = new DataView(bytes);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    const length = view.getUint16(offset + 2);
    // start of scan: the image data follows, no metadata after it
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
    if (marker === 0xffe1 && offset + 10 <= view.byteLength && view.getUint32(offset + 4) === 0x45786966 /* "Exif" */) {
      const end = offset + 2 + length;
      return { start: offset, end, ...orientationInTiff(view, offset + 10, Math.min(view.byteLength, end)) };
    }
    offset += 2 + length;
  }
  return null;
}

function orientationInTiff(view: DataView, tiff: number, end: number) {
  const none = { orientation: 1, orientationAt: null, littleEndian: false };
  if (tiff + 8 > end) return none;
  const littleEndian = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, littleEndian);
  if (ifd + 2 > end) return { ...none, littleEndian };
  const entries = view.getUint16(ifd, littleEndian);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (view.getUint16(entry, littleEndian) === 0x0112) {
      const value = view.getUint16(entry + 8, littleEndian);
      return { orientation: value >= 1 && value <= 8 ? value : 1, orientationAt: entry + 8, littleEndian };
    }
  }
  return { ...none, littleEndian };
}

/** The EXIF Orientation (1–8) of a JPEG's first bytes, 1 when it has none or is no JPEG. */
export const jpegOrientation = (bytes: ArrayBuffer): number => findExif(bytes)?.orientation ?? 1;

/**
 * `jpeg` (a freshly encoded, upright image) carrying the Exif segment of `source` — its GPS
 * position, time and camera — with the Orientation set to 1, as the pixels now are. It goes
 * after the JFIF segment when there is one, where Exif readers look.
 */
export function withUprightExif(jpeg: ArrayBuffer, source: ArrayBuffer, exif: ExifSegment): Uint8Array<ArrayBuffer> {
  const segment = new Uint8Array(source.slice(exif.start, exif.end));
  if (exif.orientationAt !== null) new DataView(segment.buffer).setUint16(exif.orientationAt - exif.start, 1, exif.littleEndian);
  const body = new Uint8Array(jpeg);
  const view = new DataView(jpeg);
  const at = view.byteLength >= 6 && view.getUint16(2) === 0xffe0 ? 4 + view.getUint16(4) : 2;
  const out = new Uint8Array(body.length + segment.length);
  out.set(body.subarray(0, at), 0);
  out.set(segment, at);
  out.set(body.subarray(at), at + segment.length);
  return out;
}
