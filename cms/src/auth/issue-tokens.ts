import type { Core } from '@strapi/strapi';
import { UP_ORIGIN } from './refresh-token';
import { startFamily } from './token-families';

/** A login's tokens, as `POST /api/auth/local` answers them. */
export interface IssuedTokens {
  jwt: string;
  refreshToken: string;
  deviceId: string;
}

/**
 * Issues a login's token pair the way Users & Permissions' local login does in refresh mode
 * (a refresh-type session record of `deviceId`, an access token from it) and starts the
 * device's token family as refresh-families.ts does after a local login — so refresh,
 * rotation, reuse detection, logout and revocation treat this login like any other.
 */
export async function issueLoginTokens(strapi: Core.Strapi, userId: string, deviceId: string): Promise<IssuedTokens> {
  const sessions = strapi.sessionManager(UP_ORIGIN);
  const refresh = await sessions.generateRefreshToken(userId, deviceId, { type: 'refresh' });
  const access = await sessions.generateAccessToken(refresh.token);
  if ('error' in access) throw new Error(`access token not issued: ${access.error}`);
  await startFamily(userId, deviceId);
  return { jwt: access.token, refreshToken: refresh.token, deviceId };
}
