import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-errors';

/** One uploaded file of the `images` field, in request order. */
export interface UploadedImage {
  filename: string;
  data: Buffer;
  /** The file went past the per-image byte limit; `data` holds only its first part. */
  truncated: boolean;
}

/**
 * Reads the multipart body, keeping the files of field `images` in order. A file over the
 * per-image limit is kept as truncated (it becomes that image's error, not the request's);
 * too many files, a non-multipart body or no image at all fail the request.
 */
export async function readUploadedImages(request: FastifyRequest, maxImages: number): Promise<UploadedImage[]> {
  if (!request.isMultipart()) {
    throw new HttpError(415, 'not_multipart', 'send multipart/form-data with one or more files in field "images"');
  }
  const images: UploadedImage[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'images') {
        // Drain so the parser can move on to the next part.
        part.file.resume();
        continue;
      }
      const data = await part.toBuffer();
      images.push({ filename: part.filename, data, truncated: part.file.truncated });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new HttpError(413, 'too_many_images', `at most ${maxImages} images per request`);
    }
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new HttpError(413, 'body_too_large', 'request body is too large');
    }
    throw new HttpError(400, 'bad_multipart', `cannot read the multipart body: ${(err as Error).message}`);
  }
  if (images.length === 0) throw new HttpError(400, 'no_images', 'no files in field "images"');
  return images;
}
