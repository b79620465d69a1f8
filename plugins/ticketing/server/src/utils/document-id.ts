import { randomFillSync } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_BYTES = 24;
// one system call per 1,024 ids rather than one per id (bulk inserts make hundreds of thousands)
const pool = Buffer.alloc(ID_BYTES * 1024);
let offset = pool.length;

/**
 * A Strapi-shaped documentId: 24 characters, `[a-z][a-z0-9]{23}`, random (~119 bits).
 * cuid2 (what Strapi uses) hashes with SHA-3 for every id, too slow for the bulk path.
 * The modulo bias of 256 % 36 is immaterial at this length.
 */
export function newDocumentId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let id = ALPHABET[pool[offset] % 26];
  for (let i = 1; i < ID_BYTES; i++) id += ALPHABET[pool[offset + i] % 36];
  offset += ID_BYTES;
  return id;
}
