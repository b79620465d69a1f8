/** What a login leaves: the access token, the (rotating) refresh token and the login's device id. */
export interface Tokens {
  jwt: string;
  refreshToken: string;
  deviceId?: string;
}

/** Where the tokens live between page loads; `subscribe` hears changes, from other tabs too. */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

const isTokens = (value: unknown): value is Tokens =>
  !!value && typeof (value as Tokens).jwt === 'string' && typeof (value as Tokens).refreshToken === 'string';

/**
 * Tokens in `storage` (localStorage: a reload stays logged in, and tabs share one login and
 * so one refresh-token family, which rotation requires).
 */
export function createTokenStore(storage: Storage, key = 'portal.tokens'): TokenStore {
  const listeners = new Set<() => void>();
  let cachedText: string | null = null;
  let cached: Tokens | null = null;
  const notify = () => listeners.forEach((listener) => listener());
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key || event.key === null) notify();
    });
  }
  return {
    get() {
      const text = storage.getItem(key);
      // the same object while the text is unchanged, so React's external-store snapshots are stable
      if (text === cachedText) return cached;
      cachedText = text;
      try {
        const parsed: unknown = text ? JSON.parse(text) : null;
        cached = isTokens(parsed) ? parsed : null;
      } catch {
        cached = null; // a hand-edited or truncated entry counts as logged out
      }
      return cached;
    },
    set(tokens) {
      storage.setItem(key, JSON.stringify(tokens));
      notify();
    },
    clear() {
      storage.removeItem(key);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The `exp` of a JWT in milliseconds since the epoch, or null when it has none or is not a JWT. */
export function tokenExpiry(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null; // not a JWT we can read: the server will say whether it is good
  }
}
