import type { Core } from '@strapi/strapi';
import type { RedisClient } from 'strapi-plugin-access';
import { connectedRedis, redisKey } from '../redis';
import { UP_ORIGIN, type RefreshSession } from './refresh-token';

/**
 * Token families in Redis, on top of U&P's session records. A family is one login on one
 * device: the user's session records sharing a deviceId. Keys:
 *   auth:refresh-used:<sessionId>      a refresh token was presented (SET NX: exactly one winner)
 *   auth:revoked-family:<user>:<device> the family was revoked (closes the race with a rotation in
 *                                      flight); a new login on that device clears it
 *   auth:revoked-session:<sessionId>   access tokens of this session are refused (they are stateless JWTs)
 * Every key expires with what it guards: a refresh token's own expiry, the refresh lifetime,
 * the access-token lifetime.
 */

interface SessionLifetimes {
  accessTokenLifespan: number;
  maxRefreshTokenLifespan: number;
}

const lifetimes = (strapi: Core.Strapi) =>
  strapi.config.get('plugin::users-permissions.sessions') as SessionLifetimes;

/** Redis could not be reached: revocation state is unknown, so the request must not pass. */
export class SessionStoreUnavailableError extends Error {}

async function store<T>(work: (client: RedisClient) => Promise<T>): Promise<T> {
  try {
    return await work(await connectedRedis());
  } catch (error) {
    throw new SessionStoreUnavailableError(`session store: ${(error as Error).message}`);
  }
}

const usedKey = (sessionId: string) => redisKey('auth', 'refresh-used', sessionId);
const familyKey = (userId: string, deviceId: string) => redisKey('auth', 'revoked-family', userId, deviceId);
const revokedSessionKey = (sessionId: string) => redisKey('auth', 'revoked-session', sessionId);

/** Records that a refresh token was presented; false when it had been presented before (a reuse). */
export async function firstPresentation(session: RefreshSession): Promise<boolean> {
  const ttlMs = Math.max(1000, session.expiresAtMs - Date.now());
  const set = await store((c) => c.set(usedKey(session.sessionId), '1', 'PX', ttlMs, 'NX'));
  return set === 'OK';
}

/** Forgets a presentation whose rotation did not happen (server error), so a retry is not a reuse. */
export async function forgetPresentation(session: RefreshSession): Promise<void> {
  await store((c) => c.del(usedKey(session.sessionId)));
}

/** Whether the family of `session` has been revoked since its login. */
export async function isFamilyRevoked(session: RefreshSession): Promise<boolean> {
  if (!session.deviceId) return false;
  const deviceId = session.deviceId;
  return (await store((c) => c.exists(familyKey(session.userId, deviceId)))) === 1;
}

/** A new login on `deviceId` starts a new family: drop an old revocation of that device. */
export async function startFamily(userId: string, deviceId: string): Promise<void> {
  await store((c) => c.del(familyKey(userId, deviceId)));
}

/** Whether access tokens of this session have been revoked. */
export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await store((c) => c.exists(revokedSessionKey(sessionId)))) === 1;
}

/** Refuses the access tokens of these sessions until they would have expired anyway. */
export async function revokeAccess(strapi: Core.Strapi, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const ttl = lifetimes(strapi).accessTokenLifespan;
  // one SET per key, not a MULTI: on a Redis Cluster the keys live in different slots
  await store((c) => Promise.all(sessionIds.map((id) => c.set(revokedSessionKey(id), '1', 'EX', ttl))));
}

/** The session ids of a family (`deviceId` undefined: every session of the user). */
export async function familySessionIds(strapi: Core.Strapi, userId: string, deviceId: string | undefined): Promise<string[]> {
  const records: Array<{ sessionId: string }> = await strapi.db.query('admin::session').findMany({
    where: { userId, origin: UP_ORIGIN, ...(deviceId ? { deviceId } : {}) },
    select: ['sessionId'],
  });
  return records.map((r) => r.sessionId);
}

/**
 * Revokes a whole family: every refresh token of it (U&P's session records are deleted, so
 * U&P itself answers 401) and every access token issued from it — those of `knownSessionIds`
 * too, for records already deleted by U&P. `deviceId` undefined means every session of the
 * user: the only safe family for a session issued without a device.
 */
export async function revokeFamily(
  strapi: Core.Strapi,
  userId: string,
  deviceId: string | undefined,
  knownSessionIds: string[] = [],
): Promise<void> {
  if (deviceId) {
    // marked first: a rotation finishing after the delete below sees it and undoes itself
    const ttl = lifetimes(strapi).maxRefreshTokenLifespan;
    await store((c) => c.set(familyKey(userId, deviceId), String(Date.now()), 'EX', ttl));
  }
  const sessionIds = await familySessionIds(strapi, userId, deviceId);
  await revokeAccess(strapi, [...new Set([...knownSessionIds, ...sessionIds])]);
  await strapi.sessionManager(UP_ORIGIN).invalidateRefreshToken(userId, deviceId);
}
