import jwt from 'jsonwebtoken';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

/** The session-manager origin of Users & Permissions tokens. */
export const UP_ORIGIN = 'users-permissions';

/** A refresh token's session record: its owner, its family (deviceId) and its expiry. */
export interface RefreshSession {
  userId: string;
  sessionId: string;
  /** absent only for sessions issued without one (not by login, which always gets one here) */
  deviceId?: string;
  expiresAtMs: number;
}

/** The user and session behind a valid access token. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

interface RefreshClaims {
  userId: string;
  sessionId: string;
  exp: number;
}

/** The refresh token a request presents, read as U&P reads it: its cookie first, then `body.refreshToken`. */
export function presentedRefreshToken(strapi: Core.Strapi, ctx: Context): string | undefined {
  const sessions = strapi.config.get('plugin::users-permissions.sessions') as { cookie?: { name?: string } } | undefined;
  const fromCookie = ctx.cookies.get(sessions?.cookie?.name || 'strapi_up_refresh');
  const fromBody = (ctx.request.body as { refreshToken?: unknown } | undefined)?.refreshToken;
  const token = fromCookie || fromBody;
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

/**
 * The claims of a refresh token signed with U&P's key and algorithm, or undefined when the
 * signature, the algorithm (`none` included), the expiry or the type is wrong. The session
 * manager only answers valid/invalid, and a rotated token is "invalid" to it — reuse
 * detection needs to know whose rotated token it is.
 */
export function verifyRefreshJwt(strapi: Core.Strapi, token: string): RefreshClaims | undefined {
  const secret = strapi.config.get('plugin::users-permissions.jwtSecret') as string;
  const algorithm = (strapi.config.get('plugin::users-permissions.jwt.algorithm') as jwt.Algorithm | undefined) ?? 'HS256';
  try {
    const claims = jwt.verify(token, secret, { algorithms: [algorithm] }) as Record<string, unknown>;
    if (claims.type !== 'refresh' || typeof claims.sessionId !== 'string') return undefined;
    return { userId: String(claims.userId), sessionId: claims.sessionId, exp: Number(claims.exp) };
  } catch {
    return undefined;
  }
}

/** The session record of a U&P session id, whatever its status (rotated included), or undefined. */
export async function findSession(strapi: Core.Strapi, sessionId: string): Promise<RefreshSession | undefined> {
  const record = await strapi.db
    .query('admin::session')
    .findOne({ where: { sessionId, origin: UP_ORIGIN }, select: ['userId', 'sessionId', 'deviceId', 'expiresAt'] });
  if (!record) return undefined;
  return {
    userId: String(record.userId),
    sessionId: record.sessionId,
    deviceId: record.deviceId ?? undefined,
    expiresAtMs: new Date(record.expiresAt).getTime(),
  };
}

/** The session record behind a verified refresh token, or undefined (bad token, revoked or expired session). */
export async function readRefreshSession(strapi: Core.Strapi, token: string): Promise<RefreshSession | undefined> {
  const claims = verifyRefreshJwt(strapi, token);
  if (!claims) return undefined;
  const session = await findSession(strapi, claims.sessionId);
  return session && session.userId === claims.userId ? session : undefined;
}

/** The claims of a valid U&P access token in `Authorization: Bearer …`; undefined for none, API tokens and admin tokens. */
export function bearerAccess(strapi: Core.Strapi, ctx: Context): AccessClaims | undefined {
  const match = /^bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (!match) return undefined;
  const result = strapi.sessionManager(UP_ORIGIN).validateAccessToken(match[1]);
  if (!result.isValid) return undefined;
  return { userId: String(result.payload.userId), sessionId: result.payload.sessionId };
}

/** The `deviceId` of a request body when it is a non-empty string, as U&P reads it. */
export function bodyDeviceId(ctx: Context): string | undefined {
  const deviceId = (ctx.request.body as { deviceId?: unknown } | undefined)?.deviceId;
  return typeof deviceId === 'string' && deviceId.length > 0 ? deviceId : undefined;
}
