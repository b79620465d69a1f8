import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { generators } from 'openid-client';
import { replyError } from '../error-reply';
import { issueLoginTokens } from '../issue-tokens';
import { SessionStoreUnavailableError } from '../token-families';
import { randomToken, saveFlow, saveHandover, takeFlow, takeHandover } from './flow-store';
import { oidcClient } from './oidc-client';
import { readSsoMapping, type SsoMapping } from './role-mapping';
import { localLoginEnabled, ssoSettings, type SsoSettings } from './settings';
import { SsoRefusal, syncSsoUser } from './user-sync';

/** Binds a sign-in to the browser that started it: the callback must come with this cookie holding its state. */
const FLOW_COOKIE = 'ticketing_sso_state';
const COOKIE_PATH = '/api/auth/sso';

/** A portal path to land on after signing in; anything else (another site, `//host`) is the home page. */
const portalPath = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/';

function redirectToPortal(ctx: Context, settings: SsoSettings, query: Record<string, string>) {
  ctx.status = 302;
  ctx.redirect(`${settings.portalUrl}/login?${new URLSearchParams(query)}`);
}

/** The OIDC routes of Users & Permissions' auth (cms/src/extensions/users-permissions). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = ssoSettings();
  const mapping: SsoMapping | undefined = settings ? readSsoMapping(settings.mappingFile) : undefined;

  /** SSO not configured: its routes are 404, as any unknown route. */
  const notConfigured = (ctx: Context) => replyError(ctx, 404, 'NotFoundError', 'Single sign-on is not configured');

  /** Without Redis no state can be kept or checked: 503, as for refresh and logout. */
  async function needingStore(ctx: Context, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof SessionStoreUnavailableError)) throw error;
      strapi.log.error(error.message);
      replyError(ctx, 503, 'ServiceUnavailableError', 'Session store unavailable, try again shortly');
    }
  }

  async function signIn(ctx: Context, s: SsoSettings, m: SsoMapping): Promise<void> {
    const query = ctx.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    // the state must be the one this browser was given (login CSRF) and still unused (replay)
    const cookieState = ctx.cookies.get(FLOW_COOKIE);
    ctx.cookies.set(FLOW_COOKIE, null, { path: COOKIE_PATH });
    const flow = state ? await takeFlow(state) : undefined;
    if (!flow || cookieState !== state) return redirectToPortal(ctx, s, { ssoError: 'state' });
    if (typeof query.error === 'string') {
      strapi.log.warn(`sso: the IdP refused the sign-in: ${query.error} ${String(query.error_description ?? '')}`);
      return redirectToPortal(ctx, s, { ssoError: 'idp' });
    }
    const client = await oidcClient(s);
    const params = client.callbackParams(ctx.req);
    // checks state, nonce, issuer, audience, signature and expiry; the IdP checks the PKCE verifier
    const tokenSet = await client.callback(s.redirectUri, params, {
      state,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      response_type: 'code',
    });
    const idClaims = tokenSet.claims() as Record<string, unknown>;
    // groups often come by userinfo only; openid-client checks its subject is the ID token's
    const userinfo = tokenSet.access_token ? ((await client.userinfo(tokenSet)) as Record<string, unknown>) : {};
    const user = await syncSsoUser(strapi, { ...idClaims, ...userinfo, sub: idClaims.sub }, m);
    const tokens = await issueLoginTokens(strapi, String(user.id), randomUUID());
    // the user as local login answers it: sanitized for the public, without its role
    const { role, ...plain } = user;
    const sanitized = await strapi.contentAPI.sanitize.output(plain, strapi.getModel('plugin::users-permissions.user'), {
      auth: undefined,
    });
    await strapi
      .plugin('access')
      .service('audit-hook')
      .record([
        {
          entityKind: 'user',
          entityId: String(user.id),
          action: 'login',
          actor: { kind: 'user', id: String(user.id), name: user.username, role: role?.type ?? null, userId: user.id },
          meta: { ip: ctx.ip, method: 'sso' },
          requestId: ctx.state.requestId ?? null,
        },
      ]);
    const code = await saveHandover({ ...tokens, user: sanitized, redirect: flow.redirect });
    redirectToPortal(ctx, s, { ssoCode: code });
  }

  return {
    /** GET /auth/sso/config: whether the portal offers the SSO button (and its label), and the password form. */
    async config(ctx: Context) {
      ctx.body = { enabled: Boolean(settings), label: mapping?.label ?? null, localLogin: localLoginEnabled() };
    },

    /** GET /auth/sso/login?redirect=/path: to the IdP, with state, nonce and a PKCE challenge kept here. */
    async login(ctx: Context) {
      if (!settings || !mapping) return notConfigured(ctx);
      const client = await oidcClient(settings).catch((error: Error) => {
        strapi.log.error(`sso: discovery of ${settings.issuer} failed: ${error.message}`);
        return undefined;
      });
      if (!client) return redirectToPortal(ctx, settings, { ssoError: 'idp_unreachable' });
      const state = randomToken();
      const nonce = randomToken();
      const codeVerifier = generators.codeVerifier();
      let saved = false;
      await needingStore(ctx, async () => {
        await saveFlow(state, { nonce, codeVerifier, redirect: portalPath(ctx.query.redirect) });
        saved = true;
      });
      if (!saved) return;
      ctx.cookies.set(FLOW_COOKIE, state, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 600_000,
        secure: ctx.secure,
        overwrite: true,
      });
      ctx.status = 302;
      ctx.redirect(
        client.authorizationUrl({
          scope: mapping.scope,
          state,
          nonce,
          code_challenge: generators.codeChallenge(codeVerifier),
          code_challenge_method: 'S256',
        }),
      );
    },

    /** GET /auth/sso/callback: the IdP's answer → user sync → our tokens, handed to the portal by a one-time code. */
    async callback(ctx: Context) {
      if (!settings || !mapping) return notConfigured(ctx);
      try {
        await signIn(ctx, settings, mapping);
      } catch (error) {
        if (error instanceof SsoRefusal) {
          strapi.log.warn(`sso: sign-in refused (${error.code}): ${error.message}`);
          return redirectToPortal(ctx, settings, { ssoError: error.code });
        }
        if (error instanceof SessionStoreUnavailableError) {
          strapi.log.error(error.message);
          return redirectToPortal(ctx, settings, { ssoError: 'unavailable' });
        }
        // openid-client's RPError (nonce, issuer, audience, signature) and OPError (bad code, PKCE)
        strapi.log.warn(`sso: callback refused: ${(error as Error).message}`);
        redirectToPortal(ctx, settings, { ssoError: 'idp' });
      }
    },

    /** POST /auth/sso/token { code }: the portal trades the one-time code for the login's tokens. */
    async token(ctx: Context) {
      if (!settings) return notConfigured(ctx);
      const code = (ctx.request.body as { code?: unknown } | undefined)?.code;
      if (typeof code !== 'string' || code.length === 0 || code.length > 100) {
        return replyError(ctx, 400, 'ValidationError', 'code must be the hand-over code of the sign-in');
      }
      await needingStore(ctx, async () => {
        const handover = await takeHandover(code);
        if (!handover) return replyError(ctx, 401, 'UnauthorizedError', 'Unknown, expired or already used hand-over code');
        ctx.body = handover;
      });
    },
  };
};
