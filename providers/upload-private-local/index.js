// @ts-check
'use strict';

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { createHmac, timingSafeEqual } = require('node:crypto');

/**
 * @typedef {{ path?: string | null, hash: string, ext?: string | null, url?: string,
 *   stream?: NodeJS.ReadableStream, buffer?: Buffer }} ProviderFile
 * @typedef {{ directory: string, secret: string, urlPrefix?: string, expiresIn?: number }} Options
 */

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The object key of a file: `path/hash.ext`, refusing anything that could leave the directory. */
function fileKey(/** @type {ProviderFile} */ file) {
  const segments = [...(file.path ? file.path.split('/') : []), `${file.hash}${file.ext ?? ''}`];
  for (const segment of segments) {
    if (!SAFE_SEGMENT.test(segment) || segment.includes('..')) throw new Error(`Unsafe storage key segment "${segment}"`);
  }
  return segments.join('/');
}

/** The signature of `key` valid until `expires` (unix seconds). */
function signature(/** @type {string} */ secret, /** @type {string} */ key, /** @type {number} */ expires) {
  return createHmac('sha256', secret).update(`${key}\n${expires}`).digest('base64url');
}

/**
 * Keeps uploads on local disk outside `public/` (Strapi's own local provider writes under
 * `public/uploads`, which the upload plugin serves to anyone) and reports itself private, so
 * every URL handed out is signed and expires; the CMS serves them only after `verify`.
 */
module.exports = {
  fileKey,
  signature,

  /** @param {Options} options */
  init({ directory, secret, urlPrefix = '/api/ticketing/files', expiresIn = 900 }) {
    if (!directory || !secret) throw new Error('upload-private-local needs providerOptions.directory and providerOptions.secret');
    const root = path.resolve(directory);
    fs.mkdirSync(root, { recursive: true });
    const target = (/** @type {ProviderFile} */ file) => path.join(root, fileKey(file));
    const stored = async (/** @type {ProviderFile} */ file) => {
      await fsp.mkdir(path.dirname(target(file)), { recursive: true });
      file.url = `${urlPrefix}/${fileKey(file)}`;
      return target(file);
    };

    return {
      /** @param {ProviderFile} file */
      async uploadStream(file) {
        if (!file.stream) throw new Error('Missing file stream');
        await pipeline(file.stream, fs.createWriteStream(await stored(file)));
      },
      /** @param {ProviderFile} file */
      async upload(file) {
        if (!file.buffer) throw new Error('Missing file buffer');
        await fsp.writeFile(await stored(file), file.buffer);
      },
      /** The bytes of a stored file (for workers, which read without a link). @param {ProviderFile} file */
      async read(file) {
        return fsp.readFile(target(file));
      },
      /** @param {ProviderFile} file */
      async delete(file) {
        await fsp.rm(target(file), { force: true });
      },
      isPrivate() {
        return true;
      },
      /** @param {ProviderFile} file */
      async getSignedUrl(file) {
        const key = fileKey(file);
        const expires = Math.floor(Date.now() / 1000) + expiresIn;
        return { url: `${urlPrefix}/${key}?expires=${expires}&signature=${signature(secret, key, expires)}` };
      },
      /**
       * The absolute path of `key` when its signature is right and unexpired, else null.
       * @param {{ key: string, expires: string, signature: string }} request
       */
      async verifiedPath({ key, expires, signature: given }) {
        const until = Number(expires);
        if (!Number.isInteger(until) || until < Date.now() / 1000) return null;
        const wanted = Buffer.from(signature(secret, key, until));
        const got = Buffer.from(String(given ?? ''));
        if (wanted.length !== got.length || !timingSafeEqual(wanted, got)) return null;
        const segments = key.split('/');
        const file = { path: segments.slice(0, -1).join('/'), hash: segments[segments.length - 1], ext: '' };
        return target(file);
      },
    };
  },
};
