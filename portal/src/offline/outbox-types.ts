import type { FormValues } from '../services/ticket';
import type { ServerState } from '../pages/tickets/detail/form/conflict';

/** Where a queued change stands: waiting to go, or held until the user decides (a 409) or discards it (refused). */
export type QueuedState = 'waiting' | 'conflict' | 'failed';

interface Queued {
  /** Order of queuing (IndexedDB's key generator): what goes out first. */
  seq: number;
  /** The signed-in user who queued it: only their login ever sends it. */
  userId: string;
  ticketId: string;
  queuedAt: number;
  state: QueuedState;
  /** Why the server refused it (state `failed`). */
  error?: string;
}

/** A save of a ticket's form at the version it was based on. */
export interface QueuedUpdate extends Queued {
  kind: 'update';
  form: FormValues;
  /** The form as it was before this change: what a conflict is measured from. */
  base: FormValues;
  /**
   * The version the change was made on; null while an earlier queued save of the ticket has not
   * gone out (it gets the version that save produces).
   */
  version: number | null;
  /** The ticket as the server had it when it answered 409 (state `conflict`). */
  conflict?: ServerState;
}

/** A photo to add to a ticket. */
export interface QueuedPhoto extends Queued {
  kind: 'photo';
  name: string;
  type: string;
  size: number;
  bytes: ArrayBuffer;
  /** Sent as the upload's `uploadKey`: a resend of an upload that arrived stores nothing. */
  uploadKey: string;
}

export type QueuedEntry = QueuedUpdate | QueuedPhoto;

/** What the UI holds of an entry (a photo's bytes stay in IndexedDB). */
export type OutboxItem = QueuedUpdate | Omit<QueuedPhoto, 'bytes'>;

type Fresh<T> = Omit<T, 'seq' | 'state' | 'queuedAt' | 'error' | 'conflict'>;
export type NewEntry = Fresh<QueuedUpdate> | Fresh<QueuedPhoto>;
