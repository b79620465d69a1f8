/** Why one image of a batch could not be read; becomes that image's `error` entry. */
export type ImageErrorCode =
  | 'empty'
  | 'too_large'
  | 'too_many_pixels'
  | 'unsupported_format'
  | 'corrupt_image'
  | 'timeout'
  | 'internal';

/** A per-image failure: the batch goes on, this image gets `{ error: { code, message } }`. */
export class ImageInputError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageInputError';
  }
}
