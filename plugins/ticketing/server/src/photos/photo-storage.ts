import fs from 'node:fs';
import type { Core } from '@strapi/strapi';

/** Where one object of a photo lives: the upload provider keys it `path/hash.ext`. */
export interface StoredObject {
  path: string;
  hash: string;
  ext: string;
  mime: string;
  size: number;
  /** The provider's own (unsigned) URL: kept for signing, never handed out. */
  url?: string;
}

interface UploadProvider {
  upload(file: Record<string, unknown>): Promise<void>;
  uploadStream(file: Record<string, unknown>): Promise<void>;
  delete(file: Record<string, unknown>): Promise<void>;
  isPrivate(): Promise<boolean>;
  getSignedUrl(file: Record<string, unknown>): Promise<{ url: string }>;
  /** Only the private local provider has these two: the bytes of a file, */
  read?(file: Record<string, unknown>): Promise<Buffer>;
  /** and the disk path of a correctly signed key. */
  verifiedPath?(request: { key: string; expires: string; signature: string }): Promise<string | null>;
}

/** Photo objects through the upload plugin's provider (S3-compatible or private local disk). */
export function photoStorage(strapi: Core.Strapi) {
  const provider = () => strapi.plugin('upload').provider as unknown as UploadProvider;
  return {
    /** Stores `bytes` under the object's key; returns the object with the provider's URL. */
    async put(object: StoredObject, bytes: Buffer): Promise<StoredObject> {
      const file: Record<string, unknown> = { ...object, buffer: bytes, size: object.size / 1024 };
      await provider().upload(file);
      return { ...object, url: file.url as string };
    },

    /** Stores the file at `filePath` under the object's key, streamed: a large export is never held in memory. */
    async putFile(object: StoredObject, filePath: string): Promise<StoredObject> {
      const file: Record<string, unknown> = { ...object, stream: fs.createReadStream(filePath), size: object.size / 1024 };
      await provider().uploadStream(file);
      return { ...object, url: file.url as string };
    },

    async remove(object: StoredObject): Promise<void> {
      await provider().delete({ ...object });
    },

    /** A pre-signed URL that expires; refuses to hand out anything from a public store. */
    async signedUrl(object: StoredObject): Promise<string> {
      if (!(await provider().isPrivate())) throw new Error('The upload provider must be private: photo URLs are always signed');
      return (await provider().getSignedUrl({ ...object })).url;
    },

    /** The bytes of an object (S3: through a pre-signed URL, as any client would). */
    async read(object: StoredObject): Promise<Buffer> {
      const store = provider();
      if (store.read) return store.read({ ...object });
      const res = await fetch(await this.signedUrl(object));
      if (!res.ok) throw new Error(`Storage answered ${res.status} for ${object.path}/${object.hash}${object.ext}`);
      return Buffer.from(await res.arrayBuffer());
    },

    /** For the local disk store's download route: the file of a signed, unexpired key, else null. */
    async verifiedPath(request: { key: string; expires: string; signature: string }): Promise<string | null> {
      const store = provider();
      return store.verifiedPath ? store.verifiedPath(request) : null;
    },
  };
}
