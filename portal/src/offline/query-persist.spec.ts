import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOfflineDb, offlineDb } from './offline-db';
import { forgetQueries, PERSIST_MAX_AGE, persistQueries, restoreQueries } from './query-persist';
import { userIdOf } from './signed-in-user';

let run = 0;
const ticket = (id: string) => ({ documentId: id, version: 3, form: { pci: 245 } });

describe('answers kept for offline use', () => {
  beforeEach(async () => {
    closeOfflineDb();
    run += 1;
    await offlineDb(`query-persist-spec-${run}`);
  });
  afterEach(() => closeOfflineDb());

  it('keeps a user’s tickets, schemas and rights, not photo links, and gives them back to that user only', async () => {
    const client = new QueryClient();
    const stop = persistQueries(client, '7', 0);
    client.setQueryData(['me'], { role: 'publisher' });
    client.setQueryData(['ticket', 'A'], ticket('A'));
    client.setQueryData(['ticket-type-schema', 'bs-fault', 'zh-CN', 1], { schema: {} });
    client.setQueryData(['ticket-photos', 'A'], [{ url: 'https://signed.example/expires-soon' }]);
    await stop();

    const again = new QueryClient();
    await restoreQueries(again, '7');
    expect(again.getQueryData(['ticket', 'A'])).toEqual(ticket('A'));
    expect(again.getQueryData(['me'])).toEqual({ role: 'publisher' });
    expect(again.getQueryData(['ticket-type-schema', 'bs-fault', 'zh-CN', 1])).toEqual({ schema: {} });
    expect(again.getQueryData(['ticket-photos', 'A'])).toBeUndefined();

    const other = new QueryClient();
    await restoreQueries(other, '8');
    expect(other.getQueryCache().getAll()).toEqual([]);

    await forgetQueries('7');
    const afterSignOut = new QueryClient();
    await restoreQueries(afterSignOut, '7');
    expect(afterSignOut.getQueryCache().getAll()).toEqual([]);
  });

  it('keeps only the 30 tickets fetched last', async () => {
    const client = new QueryClient();
    const stop = persistQueries(client, '7', 0);
    for (let i = 0; i < 35; i += 1) client.setQueryData(['ticket', `T${i}`], ticket(`T${i}`), { updatedAt: 1_000 + i });
    await stop();
    const again = new QueryClient();
    await restoreQueries(again, '7');
    const kept = again.getQueryCache().getAll().map((q) => q.queryKey[1]);
    expect(kept).toHaveLength(30);
    expect(kept).not.toContain('T4');
    expect(kept).toContain('T5');
    expect(kept).toContain('T34');
  });

  it('ignores what was kept longer ago than a week', async () => {
    const client = new QueryClient();
    const stop = persistQueries(client, '7', 0);
    client.setQueryData(['ticket', 'A'], ticket('A'));
    await stop();
    const later = new QueryClient();
    await restoreQueries(later, '7', Date.now() + PERSIST_MAX_AGE + 1);
    expect(later.getQueryData(['ticket', 'A'])).toBeUndefined();
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
