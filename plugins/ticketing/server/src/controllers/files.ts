import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import createHttpError from 'http-errors';
import { photoStorage } from '../photos/photo-storage';
import type { Context } from '../utils/request';

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const storage = photoStorage(strapi);
  return {
    /**
     * GET /files/<key>?expires=&signature= — a file of the local disk store, for signed,
     * unexpired links only (the links the API hands to callers who may read the ticket).
     */
    async download(ctx: Context) {
      const { expires, signature } = ctx.query as Record<string, string | undefined>;
      const key = String(ctx.params.key ?? '');
      const file = await storage.verifiedPath({ key, expires: expires ?? '', signature: signature ?? '' }).catch(() => null);
      if (!file) throw createHttpError(403, 'This file link is invalid or has expired');
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) throw createHttpError(404, 'No such file');
      ctx.type = MIME_BY_EXT[path.extname(file)] ?? 'application/octet-stream';
      ctx.length = found.size;
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = createReadStream(file);
    },
  };
};
