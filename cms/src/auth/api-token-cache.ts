import type { Core } from '@strapi/strapi';
import { invalidationBus } from 'strapi-plugin-access';

type Token = Record<string, unknown>;
type TokenLookup = (accessKeyHash: string, options?: unknown) => Promise<Token | null | undefined>;

// what an API token's answer is made of: the token and its content-API permissions
const TOKEN_MODELS = ['admin::api-token', 'admin::api-token-permission'];
const WRITES = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'];
// without the channel another process's revocation is not heard: trust a copy this long only
const UNHEARD_TTL_MS = 2_000;
// a write inside a transaction is announced before it commits; a read in that gap may cache the old row
const SECOND_DROP_MS = 1_000;
// tokens in use at once are few; unknown keys are never kept, so guessing cannot fill this
const MAX_COPIES = 1_000;

/**
 * Strapi looks an API token up with four queries on every request (the token, its permissions,
 * its admin permissions, its owner). Each process keeps the answers and drops them all when a
 * token or its permissions are written — here, or on another process, told over Redis pub/sub.
 * While that channel is down a copy is trusted for 2 s only; after it comes back everything
 * is dropped. `API_TOKEN_CACHE_TTL_MS` caps a copy's age (default 60 s; 0: no cache).
 */
export function cacheApiTokenLookups(strapi: Core.Strapi): { start(): void; stop(): Promise<void> } {
  const ttl = Number(process.env.API_TOKEN_CACHE_TTL_MS ?? 60_000);
  const service = strapi.service('admin::api-token-content-api') as unknown as { getByAccessKey: TokenLookup };
  const lookup = service.getByAccessKey.bind(service);
  const copies = new Map<string, { token: Token; at: number }>();
  // bumped by every drop: a read that a drop overtook is not kept
  let generation = 0;
  const dropAll = () => {
    generation += 1;
    copies.clear();
  };
  const dropTwice = () => {
    dropAll();
    setTimeout(dropAll, SECOND_DROP_MS).unref();
  };
  const bus = invalidationBus(strapi, 'api-token-changed', dropTwice, dropAll);
  if (!(ttl > 0)) return { start() {}, stop: async () => {} };

  service.getByAccessKey = async (accessKeyHash, options) => {
    // a lookup with options asks for the decrypted key: for its owner's eyes, never kept
    if (options) return lookup(accessKeyHash, options);
    const now = Date.now();
    const liveSince = bus.freshness.liveSince();
    const copy = copies.get(accessKeyHash);
    const maxAge = liveSince === null ? Math.min(ttl, UNHEARD_TTL_MS) : ttl;
    if (copy && now - copy.at < maxAge) return { ...copy.token };
    const asked = generation;
    const token = await lookup(accessKeyHash);
    if (token && asked === generation) {
      if (copies.size >= MAX_COPIES) copies.clear();
      copies.set(accessKeyHash, { token, at: now });
    }
    return token && { ...token };
  };

  strapi.db.lifecycles.subscribe({
    models: TOKEN_MODELS,
    ...Object.fromEntries(
      WRITES.map((event) => [
        event,
        () => {
          dropTwice();
          void bus.publish('*');
        },
      ]),
    ),
  });

  return { start: () => bus.start(), stop: () => bus.stop() };
}
