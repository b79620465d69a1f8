import sharp from 'sharp';
import exifr from 'exifr';
import { DomainError } from 'strapi-plugin-access';
import { ACCEPTED_FORMATS, sniffImageFormat, type AcceptedFormat } from './image-format';
import { sanitizeFileName } from './file-name';
import type { GpsPosition } from './photo-view';

export type { GpsPosition };

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const THUMBNAIL_PX = 320;

/** The error names these answers have always had (http-errors' names of the statuses). */
const REJECTION_NAMES = { 400: 'BadRequestError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' } as const;

/** A file that is not a photo the platform stores; `status` is the HTTP answer (400, 413, 415). */
export class PhotoRejectedError extends DomainError {
  readonly errorName: string;

  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.errorName = REJECTION_NAMES[status];
  }
}


/** A photo that passed every check, with its thumbnail made. */
export interface CheckedPhoto {
  name: string;
  format: AcceptedFormat;
  mime: string;
  ext: string;
  size: number;
  /** As displayed, after the EXIF orientation. */
  width: number;
  height: number;
  gps: GpsPosition | null;
  thumbnail: { bytes: Buffer; width: number; height: number };
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** What the first bytes say; a 415 for HEIC and for anything that is not JPEG, PNG, WebP or TIFF. */
function acceptedFormat(name: string, bytes: Buffer): AcceptedFormat {
  const sniffed = sniffImageFormat(bytes);
  if (sniffed.kind === 'accepted') return sniffed.format;
  if (sniffed.kind === 'heic') {
    throw new PhotoRejectedError(415, `"${name}" is a HEIC/HEIF photo, which the platform cannot read: send it as JPEG`);
  }
  const what = sniffed.kind === 'refused' ? `${sniffed.what}, not` : 'not';
  throw new PhotoRejectedError(415, `"${name}" is ${what} a JPEG, PNG, WebP or TIFF photo`);
}

/** Dimensions and orientation from the header alone, so an oversized image costs no decoding. */
async function header(name: string, bytes: Buffer, format: AcceptedFormat) {
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height || meta.format !== format) {
    throw new PhotoRejectedError(400, `"${name}" is truncated or corrupt`);
  }
  const pixels = meta.width * meta.height;
  if (pixels > MAX_PHOTO_PIXELS) {
    const mp = (pixels / 1e6).toFixed(1);
    throw new PhotoRejectedError(413, `"${name}" has ${mp} megapixels; the limit is ${MAX_PHOTO_PIXELS / 1e6}`);
  }
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
}

/** The WebP thumbnail, upright; decoding the whole image here is what catches truncated files. */
async function thumbnail(name: string, bytes: Buffer) {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw new PhotoRejectedError(400, `"${name}" is truncated or corrupt`);
  }
}

/** The GPS position in the EXIF data (5G site photos carry it); null when absent or unreadable. */
async function gpsPosition(bytes: Buffer): Promise<GpsPosition | null> {
  const gps = await exifr.gps(bytes).catch(() => undefined);
  if (!gps || !Number.isFinite(gps.latitude) || !Number.isFinite(gps.longitude)) return null;
  return { latitude: gps.latitude, longitude: gps.longitude };
}

/**
 * Checks one uploaded file by content — type by magic bytes, size, pixel count from the
 * header, full decode — and makes its thumbnail; throws PhotoRejectedError naming the file.
 */
export async function checkPhoto(rawName: string | null | undefined, bytes: Buffer): Promise<CheckedPhoto> {
  const shownName = sanitizeFileName(rawName, '');
  if (bytes.length === 0) throw new PhotoRejectedError(400, `"${shownName}" is empty`);
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new PhotoRejectedError(413, `"${shownName}" is ${megabytes(bytes.length)} MB; the limit is ${megabytes(MAX_PHOTO_BYTES)} MB per file`);
  }
  const format = acceptedFormat(shownName, bytes);
  const { mime, ext } = ACCEPTED_FORMATS[format];
  const { width, height } = await header(shownName, bytes, format);
  return {
    name: sanitizeFileName(rawName, ext),
    format,
    mime,
    ext,
    size: bytes.length,
    width,
    height,
    gps: await gpsPosition(bytes),
    thumbnail: await thumbnail(shownName, bytes),
  };
}
