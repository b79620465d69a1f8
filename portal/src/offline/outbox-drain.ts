import type { ServerState } from '../pages/tickets/detail/form/conflict';
import type { Outbox } from './outbox';
import type { QueuedPhoto, QueuedUpdate } from './outbox-types';

/** How one send ended. */
export type SendOutcome =
  | { kind: 'sent'; version?: number }
  | { kind: 'conflict'; server: ServerState }
  | { kind: 'refused'; message: string }
  /** No answer: the network (or the CMS) is gone; try again later. */
  | { kind: 'offline' }
  /** The login is gone: the queue waits for the same user to sign in again. */
  | { kind: 'signed-out' };

export interface Senders {
  update(entry: QueuedUpdate & { version: number }): Promise<SendOutcome>;
  photo(entry: QueuedPhoto): Promise<SendOutcome>;
}

/** Why a drain stopped. */
export type DrainEnd = 'empty' | 'offline' | 'signed-out';

/**
 * Sends `user`'s queue, oldest first, one entry at a time. A ticket whose entry is held (a
 * conflict, a refusal) sends nothing more until the user decides, so a ticket's changes never
 * arrive out of order; other tickets go on. Each entry leaves the queue only once the server
 * has it.
 */
export async function drainOutbox(outbox: Outbox, user: string, send: Senders): Promise<DrainEnd> {
  for (;;) {
    const entries = await outbox.entries(user);
    const held = new Set(entries.filter((e) => e.state !== 'waiting').map((e) => e.ticketId));
    const next = entries.find((e) => e.state === 'waiting' && !held.has(e.ticketId));
    if (!next) return 'empty';
    let outcome: SendOutcome;
    if (next.kind === 'photo') outcome = await send.photo(next);
    else if (next.version === null) outcome = { kind: 'refused', message: 'the save it was based on was not sent' };
    else outcome = await send.update({ ...next, version: next.version });
    switch (outcome.kind) {
      case 'sent':
        await outbox.finish(next.seq, outcome.version);
        break;
      case 'conflict':
        await outbox.hold(next.seq, { state: 'conflict', conflict: outcome.server });
        break;
      case 'refused':
        await outbox.hold(next.seq, { state: 'failed', error: outcome.message });
        break;
      default:
        return outcome.kind;
    }
  }
}
