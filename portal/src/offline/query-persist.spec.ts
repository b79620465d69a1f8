import 'fake-indexeddb/auto';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { closeOfflineDb, offlineDb } from './offline-db';
import { forgetQueries, keepQueries, PERSIST_MAX_AGE } from './query-persist';
import { userIdOf } from './signed-in-user';

let run = 0;
const ticket = (id: string) => ({ documentId: id, version: 3, form: { pci: 245 } });

/** A session of the app for `user`: what it fetched (set here) is kept when it ends. */
async function session(user: string, fetched: [unknown[], unknown, number?][]) {
  const client = new QueryClient();
  const keeper = await keepQueries(client, user, { delayMs: 0 });
  for (const [key, data, updatedAt] of fetched) client.setQueryData(key, data, { updatedAt });
  await keeper.stop();
}

/** A new app start for `user`, offline or not; returns its cache. */
async function start(user: string, online: boolean, now?: number) {
  onlineManager.setOnline(online);
  const client = new QueryClient();
  const keeper = await keepQueries(client, user, { now });
  return { client, keeper };
}

describe('answers kept for offline use', () => {
  beforeEach(async () => {
    closeOfflineDb();
    run += 1;
    await offlineDb(`query-persist-spec-${run}`);
  });
  afterEach(() => {
    closeOfflineDb();
    onlineManager.setOnline(true);
  });

  it('online asks the server as ever; offline, or without an answer, the user’s kept answers stand in (not photo links)', async () => {
    await session('7', [
      [['me'], { role: 'publisher' }],
      [['ticket', 'A'], ticket('A')],
      [['ticket-type-schema', 'bs-fault', 'zh-CN', 1], { schema: {} }],
      [['ticket-photos', 'A'], [{ url: 'https://signed.example/expires-soon' }]],
    ]);

    const online = await start('7', true);
    expect(online.client.getQueryCache().getAll()).toEqual([]);
    // a query that gets no answer and has nothing to show gets the kept one
    await online.client
      .fetchQuery({ queryKey: ['ticket', 'A'], queryFn: () => Promise.reject(new ApiError('unavailable', 'no answer')), retry: false })
      .catch(() => undefined);
    await Promise.resolve();
    expect(online.client.getQueryData(['ticket', 'A'])).toEqual(ticket('A'));
    expect(online.client.getQueryState(['ticket', 'A'])?.status).toBe('success');
    // the network goes: everything kept comes in
    onlineManager.setOnline(false);
    expect(online.client.getQueryData(['me'])).toEqual({ role: 'publisher' });
    expect(online.client.getQueryData(['ticket-type-schema', 'bs-fault', 'zh-CN', 1])).toEqual({ schema: {} });
    expect(online.client.getQueryData(['ticket-photos', 'A'])).toBeUndefined();
    await online.keeper.stop();

    const offline = await start('7', false);
    expect(offline.client.getQueryData(['ticket', 'A'])).toEqual(ticket('A'));
    await offline.keeper.stop();

    const other = await start('8', false);
    expect(other.client.getQueryCache().getAll()).toEqual([]);
    await other.keeper.stop();

    await forgetQueries('7');
    const afterSignOut = await start('7', false);
    expect(afterSignOut.client.getQueryCache().getAll()).toEqual([]);
    await afterSignOut.keeper.stop();
  });

  it('keeps the 30 tickets fetched last, across sessions (a session adds to what earlier ones kept)', async () => {
    await session(
      '7',
      Array.from({ length: 35 }, (_, i) => [['ticket', `T${i}`], ticket(`T${i}`), 1_000 + i] as [unknown[], unknown, number]),
    );
    await session('7', [[['ticket', 'NEW'], ticket('NEW'), 5_000]]);
    const { client, keeper } = await start('7', false);
    const kept = client.getQueryCache().getAll().map((q) => q.queryKey[1]);
    expect(kept).toHaveLength(30);
    expect(kept).toContain('NEW');
    expect(kept).toContain('T34');
    expect(kept).toContain('T6');
    expect(kept).not.toContain('T5');
    await keeper.stop();
  });

  it('ignores what was kept longer ago than a week', async () => {
    await session('7', [[['ticket', 'A'], ticket('A')]]);
    const { client, keeper } = await start('7', false, Date.now() + PERSIST_MAX_AGE + 1);
    expect(client.getQueryData(['ticket', 'A'])).toBeUndefined();
    await keeper.stop();
  });

  it('reads the user from the access token (Strapi’s session tokens say userId)', () => {
    const token = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.s`;
    expect(userIdOf(token({ userId: '12', type: 'access' }))).toBe('12');
    expect(userIdOf(token({ id: 12 }))).toBe('12');
    expect(userIdOf(token({ sub: 'x' }))).toBeNull();
    expect(userIdOf('not-a-jwt')).toBeNull();
    expect(userIdOf(undefined)).toBeNull();
  });
});
