import { findExif, withUprightExif } from './jpeg-orientation';

/** The longest side a photo leaves the phone with: enough for OCR and reports, a tenth of a 12 MP photo's bytes. */
export const MAX_LONG_SIDE = 2048;
/** JPEG quality of a re-encoded photo. */
export const JPEG_QUALITY = 0.85;
// the first bytes hold the EXIF header of a camera JPEG
const HEADER_BYTES = 128 * 1024;

/** The size a `width` × `height` image is scaled to so its long side is at most `max` (itself when it already is). */
export function fitWithin(width: number, height: number, max = MAX_LONG_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const scale = max / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `name` with a .jpg ending (the re-encoded photo is a JPEG whatever it was). */
export const jpegName = (name: string) => `${name.replace(/\.[^./\\]*$/, '') || 'photo'}.jpg`;

async function encode(bitmap: ImageBitmap, size: { width: number; height: number }): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * A photo made ready to leave the phone: long side at most MAX_LONG_SIDE, upright (EXIF
 * orientation applied to the pixels, as the browser decodes it), as JPEG keeping a JPEG's other
 * Exif data. A photo that already fits and needs no turning goes as it is, byte for byte.
 */
export async function resizePhoto(file: File): Promise<File> {
  const header = file.type === 'image/jpeg' ? await file.slice(0, HEADER_BYTES).arrayBuffer() : null;
  const exif = header && findExif(header);
  const turned = !!exif && exif.orientation !== 1;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    if (!turned && size.width === bitmap.width && size.height === bitmap.height) return file;
    const blob = await encode(bitmap, size);
    // a canvas writes no metadata: the camera's Exif (GPS position, time) goes back in, upright
    const bytes = exif && header && exif.end <= header.byteLength ? withUprightExif(await blob.arrayBuffer(), header, exif) : blob;
    return new File([bytes], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
