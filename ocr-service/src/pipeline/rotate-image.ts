import sharp from 'sharp';
import type { PageRotation } from '../geometry';
import type { RgbImage } from './rgb-image';

/** The image turned clockwise by `rotation` (libvips, off the main thread). */
export async function rotateImage(image: RgbImage, rotation: PageRotation): Promise<RgbImage> {
  if (rotation === 0) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .rotate(rotation)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
