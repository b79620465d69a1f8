import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
import { bodyData, writeContext, type Context } from '../utils/request';
import { getService } from '../utils/get-service';

/** Files per request: each is held in memory while the whole upload is checked. */
const MAX_FILES_PER_UPLOAD = 20;

/** formidable's view of one uploaded part; `partSequence` is set by the CMS's body config as parts arrive. */
interface UploadedPart {
  filepath: string;
  originalFilename?: string | null;
  partSequence?: number;
}

/**
 * The parts of the multipart field `files` in the order the client sent them (formidable
 * lists them as they finish writing), read into memory (each is ≤ 10 MB once checked).
 */
async function incomingFiles(ctx: Context) {
  const field = (ctx.request as unknown as { files?: Record<string, UploadedPart | UploadedPart[]> }).files?.files;
  const parts = field === undefined ? [] : Array.isArray(field) ? [...field] : [field];
  if (parts.length > MAX_FILES_PER_UPLOAD) {
    throw new InvalidError(`Send at most ${MAX_FILES_PER_UPLOAD} photos per upload, not ${parts.length}`);
  }
  parts.sort((a, b) => (a.partSequence ?? 0) - (b.partSequence ?? 0));
  return Promise.all(parts.map(async (p) => ({ name: p.originalFilename ?? null, bytes: await readFile(p.filepath) })));
}

// a client-made id (a UUID, or another random token): long enough not to collide, short enough to store per photo
const UPLOAD_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The multipart text field `uploadKey`, checked; undefined when absent. */
function uploadKeyOf(ctx: Context): string | undefined {
  const value = (ctx.request.body as Record<string, unknown> | undefined)?.uploadKey;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !UPLOAD_KEY.test(value)) {
    throw new InvalidError('uploadKey must be 16 to 64 letters, digits, "-" or "_"');
  }
  return value;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const photos = () => getService(strapi, 'photos');
  return {
    /** GET /tickets/:id/images — the photos in order, with pre-signed URLs. */
    async find(ctx: Context) {
      ctx.body = { data: await photos().list(ctx.params.id), meta: {} };
    },

    /**
     * POST /tickets/:id/images — multipart `files` (one or many), optionally `uploadKey` → 201 with the stored
     * photos, or 200 with the photos an earlier upload of the same key stored.
     */
    async upload(ctx: Context) {
      const uploadKey = uploadKeyOf(ctx);
      const { photos: data, replayed } = await photos().upload(ctx.params.id, await incomingFiles(ctx), writeContext(ctx), uploadKey);
      ctx.status = replayed ? 200 : 201;
      ctx.body = { data, meta: {} };
    },

    /** PUT /tickets/:id/images/order — `{ data: { order: [ids] } }`, every photo once. */
    async reorder(ctx: Context) {
      ctx.body = { data: await photos().reorder(ctx.params.id, bodyData(ctx).order, writeContext(ctx)), meta: {} };
    },

    /** DELETE /tickets/:id/images/:imageId — the photo and every object stored for it. */
    async delete(ctx: Context) {
      await photos().remove(ctx.params.id, ctx.params.imageId, writeContext(ctx));
      ctx.status = 204;
    },
  };
};
