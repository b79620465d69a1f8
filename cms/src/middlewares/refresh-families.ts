import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { replyError } from '../auth/error-reply';
import {
  bearerAccess,
  bodyDeviceId,
  findSession,
  presentedRefreshToken,
  readRefreshSession,
  verifyRefreshJwt,
} from '../auth/refresh-token';
import {
  familySessionIds,
  firstPresentation,
  forgetPresentation,
  isFamilyRevoked,
  isSessionRevoked,
  revokeAccess,
  revokeFamily,
  SessionStoreUnavailableError,
  startFamily,
} from '../auth/token-families';

// strapi_sessions.device_id is a varchar(255): a longer id would end in a 500
const MAX_DEVICE_ID = 255;

const unauthorized = (ctx: Context, message: string) => replyError(ctx, 401, 'UnauthorizedError', message);

/**
 * Refresh-token families on top of U&P's refresh mode (see token-families.ts): every login
 * gets a deviceId (generated when the client sends none, and returned as `deviceId`); a
 * refresh token presented a second time revokes its family; logout revokes the family;
 * access tokens of a revoked family are refused on every route. Answers 401 for a refresh
 * token of another user or device. Without Redis nothing of this can be checked: such
 * requests get 503 (fail closed), and /_ready reports Redis down.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;

  async function login(ctx: Context, next: Next) {
    const given = (ctx.request.body as { deviceId?: unknown } | undefined)?.deviceId;
    if (typeof given === 'string' && given.length > MAX_DEVICE_ID) {
      return replyError(ctx, 400, 'ValidationError', `deviceId is longer than ${MAX_DEVICE_ID} characters`);
    }
    // without a deviceId U&P would store none, and the login could never be revoked as a family
    const deviceId = bodyDeviceId(ctx) ?? randomUUID();
    ctx.request.body = { ...(ctx.request.body as object), deviceId };
    await next();
    const body = ctx.body as { jwt?: string; user?: { id?: number } } | undefined;
    if (ctx.status !== 200 || !body?.jwt || body.user?.id === undefined) return;
    await startFamily(String(body.user.id), deviceId);
    ctx.body = { ...body, deviceId };
  }

  async function refresh(ctx: Context, next: Next) {
    const token = presentedRefreshToken(strapi, ctx);
    const session = token ? await readRefreshSession(strapi, token) : undefined;
    // no, bad or already revoked token: U&P answers it (400 or 401)
    if (!session) return next();
    const caller = bearerAccess(strapi, ctx);
    if (caller && caller.userId !== session.userId) return unauthorized(ctx, 'Refresh token belongs to another user');
    const claimedDevice = bodyDeviceId(ctx);
    if (claimedDevice && claimedDevice !== session.deviceId) return unauthorized(ctx, 'Refresh token belongs to another device');
    if ((await isFamilyRevoked(session)) || !(await firstPresentation(session))) {
      strapi.log.warn(`refresh token reuse: user ${session.userId}, device ${session.deviceId ?? '(none)'}; family revoked`);
      await revokeFamily(strapi, session.userId, session.deviceId);
      return unauthorized(ctx, 'Refresh token reuse detected; the sessions of this device are revoked');
    }
    try {
      await next();
    } catch (error) {
      await forgetPresentation(session);
      throw error;
    }
    if (ctx.status >= 500) await forgetPresentation(session);
    // a reuse elsewhere revoked the family while this rotation ran: its new session goes too
    if (ctx.status === 200 && (await isFamilyRevoked(session))) {
      await revokeFamily(strapi, session.userId, session.deviceId);
      unauthorized(ctx, 'Refresh token reuse detected; the sessions of this device are revoked');
    }
  }

  async function logout(ctx: Context, next: Next) {
    const caller = bearerAccess(strapi, ctx);
    // no valid access token: U&P (or the auth guard) answers 401
    if (!caller) return next();
    const body = (ctx.request.body ?? {}) as { scope?: unknown };
    if (body.scope === 'all') {
      // U&P deletes the records: their ids are needed to refuse the access tokens afterwards
      const doomed = await familySessionIds(strapi, caller.userId, undefined);
      await next();
      if (ctx.status === 200) await revokeFamily(strapi, caller.userId, undefined, doomed);
      return;
    }
    let deviceId = bodyDeviceId(ctx);
    const token = presentedRefreshToken(strapi, ctx);
    if (token) {
      if (!verifyRefreshJwt(strapi, token)) return unauthorized(ctx, 'Invalid refresh token');
      const session = await readRefreshSession(strapi, token);
      if (session && session.userId !== caller.userId) return unauthorized(ctx, 'Refresh token belongs to another user');
      if (session && deviceId && session.deviceId !== deviceId) return unauthorized(ctx, 'Refresh token belongs to another device');
      deviceId ??= session?.deviceId;
    }
    deviceId ??= (await findSession(strapi, caller.sessionId))?.deviceId;
    // U&P revokes a whole device when told its deviceId; by refresh token alone it would
    // revoke one session and leave the pre-rotation tokens of the family usable
    if (deviceId) ctx.request.body = { ...body, deviceId };
    const doomed = deviceId ? await familySessionIds(strapi, caller.userId, deviceId) : [];
    await next();
    if (ctx.status !== 200) return;
    if (deviceId) await revokeFamily(strapi, caller.userId, deviceId, doomed);
    else await revokeAccess(strapi, [caller.sessionId]);
  }

  async function route(ctx: Context, next: Next) {
    const caller = bearerAccess(strapi, ctx);
    if (caller && (await isSessionRevoked(caller.sessionId))) return unauthorized(ctx, 'Session revoked');
    if (ctx.method !== 'POST') return next();
    if (ctx.path === `${prefix}/auth/local`) return login(ctx, next);
    if (ctx.path === `${prefix}/auth/refresh`) return refresh(ctx, next);
    if (ctx.path === `${prefix}/auth/logout`) return logout(ctx, next);
    return next();
  }

  return async (ctx, next) => {
    try {
      await route(ctx, next);
    } catch (error) {
      if (!(error instanceof SessionStoreUnavailableError)) throw error;
      strapi.log.error(error.message);
      replyError(ctx, 503, 'ServiceUnavailableError', 'Session store unavailable, try again shortly');
    }
  };
};
