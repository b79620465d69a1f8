import sharp from 'sharp';

/** Longest side of a photo in the report, in pixels: sharp enough printed at 15 cm, small in the file. */
const MAX_PIXELS = 1200;
/** Longest side shown on the page, in points-like docx pixels (96 dpi): about 12 cm. */
const MAX_SHOWN = 460;
const JPEG_QUALITY = 72;

/** A photo reduced for the report, with the size it is shown at. */
export interface ReportImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Turns an upright (EXIF-rotated) JPEG of at most MAX_PIXELS on its longest side out of any stored photo. */
export async function reduceForReport(bytes: Buffer): Promise<ReportImage> {
  const { data, info } = await sharp(bytes, { failOn: 'none' })
    .rotate()
    .resize({ width: MAX_PIXELS, height: MAX_PIXELS, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
    .toBuffer({ resolveWithObject: true });
  const scale = Math.min(1, MAX_SHOWN / Math.max(info.width, info.height));
  return { data, width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
