import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { closeOfflineDb, offlineDb } from './offline-db';
import { createOutbox, type Outbox } from './outbox';
import { drainOutbox, type SendOutcome, type Senders } from './outbox-drain';
import type { NewEntry, QueuedPhoto, QueuedUpdate } from './outbox-types';
import { outcomeOf } from './senders';

let dbName = 0;
const fresh = () => {
  closeOfflineDb();
  dbName += 1;
  const name = `outbox-spec-${dbName}`;
  return () => offlineDb(name);
};

const update = (ticketId: string, form: Record<string, unknown>, version: number | null, userId = '7'): NewEntry => ({
  kind: 'update',
  userId,
  ticketId,
  form,
  base: {},
  version,
});
const photo = (ticketId: string, name: string, uploadKey: string, userId = '7'): NewEntry => ({
  kind: 'photo',
  userId,
  ticketId,
  name,
  type: 'image/jpeg',
  size: 3,
  bytes: new Uint8Array([1, 2, 3]).buffer,
  uploadKey,
});

/** A server that records what arrives: versions per ticket, photos by upload key (as the photo route does). */
function fakeServer(versions: Record<string, number>) {
  const log: string[] = [];
  const photoKeys = new Set<string>();
  const forms: Record<string, Record<string, unknown>> = {};
  let lose: string | null = null;
  const senders: Senders = {
    async update(entry) {
      if (versions[entry.ticketId] !== entry.version) {
        return { kind: 'conflict', server: { version: versions[entry.ticketId], form: forms[entry.ticketId] ?? {}, status: 'draft', allowedTransitions: [] } };
      }
      versions[entry.ticketId] += 1;
      forms[entry.ticketId] = entry.form;
      log.push(`update ${entry.ticketId} ${JSON.stringify(entry.form)} @${entry.version}`);
      if (lose === 'update') {
        lose = null;
        return { kind: 'offline' };
      }
      return { kind: 'sent', version: versions[entry.ticketId] };
    },
    async photo(entry: QueuedPhoto): Promise<SendOutcome> {
      if (!photoKeys.has(entry.uploadKey)) {
        photoKeys.add(entry.uploadKey);
        log.push(`photo ${entry.ticketId} ${entry.name}`);
      }
      if (lose === 'photo') {
        lose = null;
        return { kind: 'offline' };
      }
      return { kind: 'sent' };
    },
  };
  return {
    log,
    forms,
    senders,
    /** The next send of `kind` arrives but its answer is lost. */
    loseAnswer: (kind: 'update' | 'photo') => (lose = kind),
  };
}

describe('the offline queue', () => {
  let db: ReturnType<typeof fresh>;
  let outbox: Outbox;
  beforeEach(() => {
    db = fresh();
    outbox = createOutbox(db);
  });
  afterEach(() => closeOfflineDb());

  it('sends a ticket’s edit, photo and edit in the order they were made, the second edit at the version the first produced', async () => {
    const server = fakeServer({ A: 3, B: 1 });
    await outbox.add(update('A', { pci: 1 }, 3));
    await outbox.add(photo('A', 'mast.jpg', 'key-a-000000000001'));
    await outbox.add(update('B', { pci: 9 }, 1));
    await outbox.add(update('A', { pci: 2 }, null));
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('empty');
    expect(server.log).toEqual(['update A {"pci":1} @3', 'photo A mast.jpg', 'update B {"pci":9} @1', 'update A {"pci":2} @4']);
    expect(await outbox.entries('7')).toEqual([]);
  });

  it('keeps what it holds across a reopen of the database (a reload, a restart), in order', async () => {
    await outbox.add(update('A', { pci: 1 }, 3));
    await outbox.add(photo('A', 'mast.jpg', 'key-a-000000000001'));
    closeOfflineDb();
    const reopened = createOutbox(db);
    await reopened.load('7');
    expect(reopened.items().map((i) => [i.kind, i.ticketId, i.state])).toEqual([
      ['update', 'A', 'waiting'],
      ['photo', 'A', 'waiting'],
    ]);
    // the snapshot leaves the photo's bytes in IndexedDB; the queue itself has them
    expect('bytes' in reopened.items()[1]).toBe(false);
    const [, stored] = await reopened.entries('7');
    expect(new Uint8Array((stored as QueuedPhoto).bytes)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('sends nothing twice when answers are lost: the photo by its upload key, the edit recognised in the 409', async () => {
    const server = fakeServer({ A: 3 });
    await outbox.add(photo('A', 'mast.jpg', 'key-a-000000000001'));
    await outbox.add(update('A', { pci: 1 }, 3));
    server.loseAnswer('photo');
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('offline');
    // the photo arrived but the queue never heard it: it is still queued, and goes again
    expect((await outbox.entries('7')).map((e) => e.kind)).toEqual(['photo', 'update']);
    server.loseAnswer('update');
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('offline');
    expect((await outbox.entries('7')).map((e) => e.kind)).toEqual(['update']);
    expect(server.log).toEqual(['photo A mast.jpg', 'update A {"pci":1} @3']);

    // the edit arrived too; sent again it meets a 409 holding exactly its form: done, not a conflict
    const retry: Senders = {
      ...server.senders,
      update: async (entry) => {
        const outcome = await server.senders.update(entry);
        if (outcome.kind !== 'conflict') return outcome;
        return outcomeOf(new ApiError('http', 'Conflict', 409, { ...outcome.server }), entry.form);
      },
    };
    expect(await drainOutbox(outbox, '7', retry)).toBe('empty');
    expect(server.log).toEqual(['photo A mast.jpg', 'update A {"pci":1} @3']);
    expect(await outbox.entries('7')).toEqual([]);
  });

  it('holds a ticket at a conflict (its later changes wait) while other tickets go on; overwrite sends the latest values', async () => {
    const server = fakeServer({ A: 5, B: 1 });
    server.forms.A = { pci: 100 };
    await outbox.add(update('A', { pci: 1 }, 3));
    await outbox.add(photo('A', 'mast.jpg', 'key-a-000000000001'));
    await outbox.add(update('A', { pci: 2 }, null));
    await outbox.add(update('B', { pci: 9 }, 1));
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('empty');
    expect(server.log).toEqual(['update B {"pci":9} @1']);
    const held = await outbox.entries('7');
    expect(held.map((e) => [e.kind, e.state])).toEqual([
      ['update', 'conflict'],
      ['photo', 'waiting'],
      ['update', 'waiting'],
    ]);
    expect((held[0] as QueuedUpdate).conflict).toMatchObject({ version: 5, form: { pci: 100 } });

    await outbox.overwrite('7', 'A', { pci: 2 }, 5, { pci: 100 });
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('empty');
    expect(server.log).toEqual(['update B {"pci":9} @1', 'update A {"pci":2} @5', 'photo A mast.jpg']);
  });

  it('drops a conflicting ticket’s queued edits on "take the server’s version", and still sends its photos', async () => {
    const server = fakeServer({ A: 5 });
    await outbox.add(update('A', { pci: 1 }, 3));
    await outbox.add(photo('A', 'mast.jpg', 'key-a-000000000001'));
    await drainOutbox(outbox, '7', server.senders);
    await outbox.dropUpdates('7', 'A');
    expect(await drainOutbox(outbox, '7', server.senders)).toBe('empty');
    expect(server.log).toEqual(['photo A mast.jpg']);
  });

  it('binds entries to their user: another login neither sees nor sends them', async () => {
    const server = fakeServer({ A: 3 });
    await outbox.add(update('A', { pci: 1 }, 3, '7'));
    await outbox.load('8');
    expect(outbox.items()).toEqual([]);
    expect(await drainOutbox(outbox, '8', server.senders)).toBe('empty');
    expect(server.log).toEqual([]);
    await outbox.load('7');
    expect(outbox.items()).toHaveLength(1);
  });

  it('stops at a lost session and keeps the queue for the same user', async () => {
    await outbox.add(update('A', { pci: 1 }, 3));
    const signedOut: Senders = { update: async () => outcomeOf(new ApiError('session', 'Session expired', 401)), photo: async () => ({ kind: 'sent' }) };
    expect(await drainOutbox(outbox, '7', signedOut)).toBe('signed-out');
    expect((await outbox.entries('7')).map((e) => e.state)).toEqual(['waiting']);
  });

  it('holds a refused change with the server’s reason until it is discarded', async () => {
    await outbox.add(update('A', { pci: 5000 }, 3));
    await outbox.add(update('A', { pci: 1 }, null));
    const refusing: Senders = {
      update: async () => outcomeOf(new ApiError('http', 'PCI must be at most 1007', 400)),
      photo: async () => ({ kind: 'sent' }),
    };
    expect(await drainOutbox(outbox, '7', refusing)).toBe('empty');
    const [first, second] = await outbox.entries('7');
    expect([first.state, first.error, second.state]).toEqual(['failed', 'PCI must be at most 1007', 'waiting']);
    await outbox.discard(first.seq);
    // what was made on top of a change that never arrived is not sent blindly
    expect(await drainOutbox(outbox, '7', refusing)).toBe('empty');
    expect((await outbox.entries('7')).map((e) => [e.state, e.error])).toEqual([['failed', 'the save it was based on was not sent']]);
  });
});
