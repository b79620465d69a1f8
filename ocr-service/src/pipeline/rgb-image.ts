/** A decoded, upright image: interleaved 8-bit RGB, row-major. */
export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
}
