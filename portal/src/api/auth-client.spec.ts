import { describe, expect, it, vi } from 'vitest';
import { isApiError } from './api-error';
import { createAuthClient } from './auth-client';
import { createTokenStore } from './token-store';

const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);

/** An unsigned JWT expiring `inSeconds` after NOW (the client only reads `exp`). */
function jwt(name: string, inSeconds: number): string {
  const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256' })}.${b64({ sub: name, exp: NOW / 1000 + inSeconds })}.sig`;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * A fake CMS: `valid` is the access token it accepts, refresh rotates to a numbered pair after
 * `refreshDelay` ms (so requests pile up behind it), and `refreshAnswer` can make it refuse.
 */
function fakeServer(initial: { jwt: string; refreshToken: string }) {
  const server = {
    valid: initial.jwt,
    refreshToken: initial.refreshToken,
    refreshes: 0,
    refreshDelay: 20,
    refreshAnswer: null as null | Response | 'network',
    seen: [] as { url: string; auth: string | null }[],
  };
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const auth = new Headers(init.headers).get('Authorization');
    server.seen.push({ url, auth });
    if (url === '/api/auth/refresh') {
      server.refreshes += 1;
      await new Promise((r) => setTimeout(r, server.refreshDelay));
      if (server.refreshAnswer === 'network') throw new TypeError('Failed to fetch');
      if (server.refreshAnswer) return server.refreshAnswer;
      const sent = JSON.parse(String(init.body)).refreshToken;
      // rotation with reuse detection, as the CMS does it
      if (sent !== server.refreshToken)
        return json(401, { error: { status: 401, name: 'UnauthorizedError', message: 'Invalid refresh token' } });
      server.valid = jwt(`access-${server.refreshes}`, 900);
      server.refreshToken = `refresh-${server.refreshes}`;
      return json(200, { jwt: server.valid, refreshToken: server.refreshToken });
    }
    if (url === '/api/auth/logout') return json(200, { ok: true });
    if (auth !== `Bearer ${server.valid}`)
      return json(401, { error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } });
    return json(200, { data: url });
  });
  return { server, fetch };
}

function setup(accessTtl: number) {
  window.localStorage.clear();
  const store = createTokenStore(window.localStorage, 'test.tokens');
  const initial = { jwt: jwt('access-0', accessTtl), refreshToken: 'refresh-0', deviceId: 'device-1' };
  store.set(initial);
  const { server, fetch } = fakeServer(initial);
  const onSessionExpired = vi.fn();
  const client = createAuthClient({ store, fetch, now: () => NOW, onSessionExpired });
  return { store, server, fetch, client, onSessionExpired };
}

describe('auth client: transparent refresh', () => {
  it('sends a fresh token as it is', async () => {
    const { client, server } = setup(900);
    const res = await client.fetch('/api/ticketing/tickets');
    expect(res.status).toBe(200);
    expect(server.refreshes).toBe(0);
  });

  it('refreshes before expiry once for many requests, and sends them all with the new token', async () => {
    const { client, server, store } = setup(30); // expires within the one-minute margin
    const answers = await Promise.all(['/a', '/b', '/c', '/d'].map((url) => client.fetch(url)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(server.refreshes).toBe(1);
    const sent = server.seen.filter((s) => s.url !== '/api/auth/refresh');
    expect(sent.every((s) => s.auth === `Bearer ${server.valid}`)).toBe(true);
    expect(store.get()).toEqual({ jwt: server.valid, refreshToken: 'refresh-1', deviceId: 'device-1' });
  });

  it('on a 401 refreshes once (shared by every failing request) and replays each request', async () => {
    const { client, server } = setup(900);
    server.valid = 'revoked-by-server'; // the server no longer takes the stored access token
    server.refreshDelay = 30;
    const answers = await Promise.all(['/a', '/b', '/c'].map((url) => client.fetch(url)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.refreshes).toBe(1);
    for (const url of ['/a', '/b', '/c']) {
      expect(server.seen.filter((s) => s.url === url)).toHaveLength(2); // first try, then the replay
    }
  });

  it('queues a request made while a refresh is in flight instead of sending the stale token', async () => {
    const { client, server } = setup(30);
    server.refreshDelay = 40;
    const first = client.fetch('/first');
    await new Promise((r) => setTimeout(r, 10)); // the refresh is now running
    const queued = client.fetch('/queued');
    await Promise.all([first, queued]);
    const queuedSends = server.seen.filter((s) => s.url === '/queued');
    expect(queuedSends).toEqual([{ url: '/queued', auth: `Bearer ${server.valid}` }]);
    expect(server.refreshes).toBe(1);
  });

  it('never spends a refresh token twice across sequential refreshes', async () => {
    const { client, server } = setup(900);
    server.valid = 'revoked-1';
    await client.fetch('/a');
    server.valid = 'revoked-2';
    await client.fetch('/b');
    expect(server.refreshes).toBe(2);
    const sentTokens = server.seen.filter((s) => s.url === '/api/auth/refresh');
    expect(sentTokens).toHaveLength(2); // refresh-0 then refresh-1: the fake answers 401 to any reuse
  });

  it('ends the session once when the refresh is refused, and every waiting request fails with it', async () => {
    const { client, server, store, onSessionExpired } = setup(900);
    server.valid = 'revoked';
    server.refreshAnswer = json(401, { error: { status: 401, name: 'UnauthorizedError', message: 'Refresh token revoked' } });
    const results = await Promise.allSettled(['/a', '/b', '/c'].map((url) => client.fetch(url)));
    expect(results.every((r) => r.status === 'rejected' && isApiError(r.reason, 'session'))).toBe(true);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(store.get()).toBeNull();
    expect(server.refreshes).toBe(1);
  });

  it('keeps the login when the refresh gets no answer (server down), so a retry can still work', async () => {
    const { client, server, store, onSessionExpired } = setup(30);
    server.refreshAnswer = 'network';
    await expect(client.fetch('/a')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(store.get()?.refreshToken).toBe('refresh-0');
    expect(onSessionExpired).not.toHaveBeenCalled();
    server.refreshAnswer = null;
    expect((await client.fetch('/a')).status).toBe(200);
  });

  it('uses a token another tab refreshed instead of refreshing again', async () => {
    const { client, server, store } = setup(900);
    const stale = store.get()!;
    server.valid = jwt('from-other-tab', 900);
    store.set({ ...stale, jwt: server.valid, refreshToken: 'other-tab-refresh' });
    server.refreshToken = 'other-tab-refresh';
    // this tab's request raced the other tab's refresh: it went out with the old token
    const res = await client.withToken(async (token) =>
      token === stale.jwt ? new Response(null, { status: 401 }) : new Response(null, { status: 200 }),
    );
    expect(res.status).toBe(200);
    expect(server.refreshes).toBe(0);
  });
});

describe('auth client: login and logout', () => {
  it('stores the pair at login and revokes the device family at logout', async () => {
    window.localStorage.clear();
    const store = createTokenStore(window.localStorage, 'test.tokens');
    const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/auth/local')
        return json(200, { jwt: jwt('a', 900), refreshToken: 'r', deviceId: 'dev-9', user: { id: 1, username: 'wang', email: 'w@x' } });
      return json(200, { ok: true, body: init.body });
    });
    const client = createAuthClient({ store, fetch, now: () => NOW });
    expect(await client.login('wang', 'secret')).toEqual({ id: 1, username: 'wang', email: 'w@x' });
    expect(store.get()).toMatchObject({ refreshToken: 'r', deviceId: 'dev-9' });
    await client.logout();
    const logout = fetch.mock.calls.find(([url]) => url === '/api/auth/logout')!;
    expect(JSON.parse(String(logout[1]!.body))).toEqual({ deviceId: 'dev-9' });
    expect(new Headers(logout[1]!.headers).get('Authorization')).toMatch(/^Bearer /);
    expect(store.get()).toBeNull();
  });

  it('surfaces a refused login with the server message and stores nothing', async () => {
    window.localStorage.clear();
    const store = createTokenStore(window.localStorage, 'test.tokens');
    const fetch = vi.fn(async () =>
      json(400, { error: { status: 400, name: 'ValidationError', message: 'Invalid identifier or password' } }),
    );
    const client = createAuthClient({ store, fetch, now: () => NOW });
    await expect(client.login('wang', 'wrong')).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      message: 'Invalid identifier or password',
    });
    expect(store.get()).toBeNull();
  });

  it('forgets the tokens at logout even when the server cannot be reached', async () => {
    const { client, store, fetch } = setup(900);
    fetch.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await client.logout();
    expect(store.get()).toBeNull();
  });
});
