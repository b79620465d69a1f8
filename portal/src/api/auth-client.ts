import { ApiError, errorFromResponse } from './api-error';
import { tokenExpiry, type Tokens, type TokenStore } from './token-store';

/** The least a send must answer: its HTTP status (a fetch `Response` or an XHR's result). */
export interface Sent {
  status: number;
}

/** The user object Users & Permissions returns at login. */
export interface LoginUser {
  id: number;
  username: string;
  email: string;
}

export interface AuthClientOptions {
  store: TokenStore;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  now?: () => number;
  /** Refresh when the access token has less than this left (ms); default one minute. */
  refreshAheadMs?: number;
  /** Runs a refresh under a lock shared by the tabs (Web Locks); default: no lock. */
  lock?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called once when a login is lost: a 401 that a refresh could not cure. */
  onSessionExpired?: () => void;
}

/** Login, logout and authenticated sends with transparent, single-flight token refresh. */
export interface AuthClient {
  login(identifier: string, password: string): Promise<LoginUser>;
  /** Trades the one-time code a single sign-on ended with (the CMS's callback put it in the URL) for the login's tokens. */
  completeSso(code: string): Promise<{ user: LoginUser; redirect: string }>;
  logout(): Promise<void>;
  /** `fetch` with the bearer token; 401 → one refresh (shared) → the request again. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Runs `send` with a valid access token, refreshing and replaying as `fetch` does. */
  withToken<R extends Sent>(send: (jwt: string) => Promise<R>): Promise<R>;
}

/** A fetch that failed without an answer (refused, reset, offline) as an `unavailable` ApiError. */
export async function reach(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError('unavailable', (error as Error)?.message ?? 'network error');
  }
}

// a refresh token the server refuses: revoked family, reuse detected, expired, or garbage
const LOST_SESSION = new Set([400, 401, 403]);

/**
 * The token life cycle of the portal. Before each request the access token is refreshed when
 * it is about to expire; a 401 triggers a refresh too. Only one refresh runs at a time: every
 * request that needs one waits for it and is then sent (again) with the new token, because a
 * refresh token is good for one use and a second use revokes the whole login (reuse detection).
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { store, now = Date.now, refreshAheadMs = 60_000 } = options;
  const lock = options.lock ?? (<T>(work: () => Promise<T>) => work());
  let refreshing: Promise<string> | null = null;

  const postJson = (url: string, body: unknown, jwt?: string) =>
    reach(() =>
      options.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}) },
        body: JSON.stringify(body),
      }),
    );

  /** Forgets a lost login (telling the app once) and returns the error to throw. */
  function expire(): ApiError {
    if (store.get()) {
      // told before the tokens go, so whoever reacts to their going knows why
      options.onSessionExpired?.();
      store.clear();
    }
    return new ApiError('session', 'Session expired', 401);
  }

  const expiresSoon = (jwt: string) => {
    const exp = tokenExpiry(jwt);
    return exp !== null && exp - now() < refreshAheadMs;
  };

  async function runRefresh(staleJwt: string): Promise<string> {
    return lock(async () => {
      const current = store.get();
      if (!current) throw expire();
      // another tab (or an earlier refresh) already rotated the pair: use its token
      if (current.jwt !== staleJwt && !expiresSoon(current.jwt)) return current.jwt;
      const res = await postJson('/api/auth/refresh', { refreshToken: current.refreshToken });
      const text = await res.text();
      if (res.ok) {
        const body = JSON.parse(text) as { jwt: string; refreshToken: string };
        store.set({ ...current, jwt: body.jwt, refreshToken: body.refreshToken });
        return body.jwt;
      }
      if (LOST_SESSION.has(res.status)) throw expire();
      // 429 or a server fault: the refresh token was not used, keep it for the next try
      throw errorFromResponse(res.status, text);
    });
  }

  /** The refresh in flight, or a new one replacing `staleJwt`. */
  function refresh(staleJwt: string): Promise<string> {
    refreshing ??= runRefresh(staleJwt).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function validJwt(): Promise<string> {
    if (refreshing) return refreshing;
    const tokens = store.get();
    if (!tokens) throw expire();
    return expiresSoon(tokens.jwt) ? refresh(tokens.jwt) : tokens.jwt;
  }

  async function withToken<R extends Sent>(send: (jwt: string) => Promise<R>): Promise<R> {
    const jwt = await validJwt();
    const first = await send(jwt);
    if (first.status !== 401) return first;
    const again = await send(await refresh(jwt));
    if (again.status === 401) throw expire();
    return again;
  }

  const authedFetch = (url: string, init: RequestInit = {}) =>
    withToken((jwt) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${jwt}`);
      return reach(() => options.fetch(url, { ...init, headers }));
    });

  return {
    async login(identifier, password) {
      const res = await postJson('/api/auth/local', { identifier, password });
      const text = await res.text();
      if (!res.ok) throw errorFromResponse(res.status, text);
      const body = JSON.parse(text) as Tokens & { user: LoginUser };
      store.set({ jwt: body.jwt, refreshToken: body.refreshToken, deviceId: body.deviceId });
      return body.user;
    },

    async completeSso(code) {
      const res = await postJson('/api/auth/sso/token', { code });
      const text = await res.text();
      if (!res.ok) throw errorFromResponse(res.status, text);
      const body = JSON.parse(text) as Tokens & { user: LoginUser; redirect: string };
      store.set({ jwt: body.jwt, refreshToken: body.refreshToken, deviceId: body.deviceId });
      return { user: body.user, redirect: body.redirect };
    },

    async logout() {
      const tokens = store.get();
      if (!tokens) return;
      try {
        // revokes this login's whole token family on the server
        const res = await withToken((jwt) => postJson('/api/auth/logout', tokens.deviceId ? { deviceId: tokens.deviceId } : {}, jwt));
        if (!res.ok) console.warn(`logout answered ${res.status}; the tokens are forgotten here anyway`);
      } catch (error) {
        console.warn('logout could not reach the server; the tokens are forgotten here anyway', error);
      } finally {
        store.clear();
      }
    },

    fetch: authedFetch,
    withToken,
  };
}
