import sharp from 'sharp';
import type { PipelineConfig } from '../config/pipeline-config';
import { flattenAlpha } from './flatten-alpha';
import { ImageInputError } from './image-errors';
import { sniffFormat } from './image-format';
import type { RgbImage } from './rgb-image';

/** Size and format read from the header only, before any pixel is decoded. */
export interface ImageHeader {
  format: string;
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Width and height once the EXIF orientation is applied. */
  upright: { width: number; height: number };
}

/**
 * Checks an encoded image against the limits using only its header: bytes, magic number,
 * then width × height from sharp's metadata (which does not decode pixels). Throws
 * {@link ImageInputError}.
 */
export async function readImageHeader(buf: Buffer, cfg: PipelineConfig['input']): Promise<ImageHeader> {
  if (buf.length === 0) throw new ImageInputError('empty', 'the file is empty');
  if (buf.length > cfg.maxBytes) {
    throw new ImageInputError('too_large', `image is larger than ${cfg.maxBytes} bytes`);
  }
  const sniffed = sniffFormat(buf);
  if (!sniffed.supported) {
    throw new ImageInputError(
      'unsupported_format',
      `${sniffed.format === 'unknown' ? 'unrecognised' : sniffed.format} input; accepted: JPEG, PNG, WebP, TIFF`,
    );
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageInputError('corrupt_image', `cannot read the ${sniffed.format} header: ${(err as Error).message}`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new ImageInputError('corrupt_image', 'the header has no image size');
  if (width * height > cfg.maxPixels) {
    throw new ImageInputError(
      'too_many_pixels',
      `${width}×${height} is ${(width * height / 1e6).toFixed(1)} MP; the limit is ${cfg.maxPixels / 1e6} MP`,
    );
  }
  // EXIF orientations 5–8 turn the image by 90°.
  const upright = (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
  return { format: sniffed.format, width, height, hasAlpha: Boolean(meta.hasAlpha), upright };
}

/**
 * Decode stage: validates the header, decodes with EXIF orientation applied, converts to
 * sRGB and flattens any alpha channel (see {@link flattenAlpha}). Decoding fails on any
 * libvips warning, so a truncated JPEG is an error rather than a half-grey image.
 */
export async function decodeImage(buf: Buffer, cfg: PipelineConfig['input']): Promise<RgbImage> {
  const header = await readImageHeader(buf, cfg);
  const shrink = header.format === 'jpeg' ? jpegShrink(header.width, header.height, cfg.shrinkJpegAbove) : 1;
  try {
    let base = sharp(buf, { failOn: 'warning', limitInputPixels: cfg.maxPixels }).rotate().toColourspace('srgb');
    if (shrink > 1) {
      // libvips decodes a JPEG at 1/2, 1/4 or 1/8 straight from its DCT coefficients (shrink-on-load).
      const side = Math.round(Math.max(header.width, header.height) / shrink);
      base = base.resize(side, side, { fit: 'inside', kernel: 'linear' });
    }
    if (header.hasAlpha) {
      const { data, info } = await base.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const { rgb } = flattenAlpha(data, info.width * info.height, cfg.flattenBackground);
      return { data: rgb, width: info.width, height: info.height, ...(shrink > 1 && { uploaded: header.upright }) };
    }
    const { data, info } = await base.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels after sRGB conversion`);
    return { data, width: info.width, height: info.height, ...(shrink > 1 && { uploaded: header.upright }) };
  } catch (err) {
    if (err instanceof ImageInputError) throw err;
    throw new ImageInputError('corrupt_image', `cannot decode the ${header.format} image: ${(err as Error).message}`);
  }
}

/**
 * Power-of-two factor (1, 2, 4 or 8) to decode a JPEG at, so its longest side stays at least
 * `above`: only images at least twice that size shrink, and only by factors libvips can take
 * from the DCT without decoding the full-size pixels first. 0 turns shrinking off. Pure.
 */
export function jpegShrink(width: number, height: number, above: number): number {
  if (above <= 0) return 1;
  let factor = 1;
  while (factor < 8 && Math.max(width, height) / (factor * 2) >= above) factor *= 2;
  return factor;
}
