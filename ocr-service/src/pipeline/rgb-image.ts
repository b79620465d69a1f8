/** A decoded, upright image: interleaved 8-bit RGB, row-major. */
export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
  /**
   * Size of the uploaded (EXIF-upright) image when `data` was decoded smaller (a large JPEG,
   * see `decodeImage`); boxes are scaled to it on the way out. Absent: the same size.
   */
  uploaded?: { width: number; height: number };
}
