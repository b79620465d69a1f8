import { createHash } from 'node:crypto';

/**
 * The ticket events the ticketing plugin emits on Strapi's event hub after a write commits
 * (the contract of issue 20). This plugin reads nothing else of ticketing.
 */
export const TICKET_EVENT_NAMES = {
  created: 'ticketing.ticket.created',
  updated: 'ticketing.ticket.updated',
  transitioned: 'ticketing.ticket.transitioned',
  assigned: 'ticketing.ticket.assigned',
  noted: 'ticketing.ticket.noted',
  sla: 'ticketing.ticket.sla',
} as const;

export type TicketEventKind = keyof typeof TICKET_EVENT_NAMES;

export interface EventTicket {
  documentId: string;
  type: string;
  status: string;
  version: number;
  creatorId: number | null;
  assigneeId: number | null;
  title: string;
}

export interface EventActor {
  kind: string;
  id: string | null;
  name: string | null;
  role: string | null;
  userId: number | null;
}

/** One event as this plugin works with it: the payload plus its kind and a stable id. */
export interface TicketEvent {
  /** Stable for the same happening: emitting it twice gives the same id (see `eventId`). */
  id: string;
  kind: TicketEventKind;
  ticket: EventTicket;
  actor: EventActor;
  at: string;
  /** What the kind adds: `changed`; `from`/`to`; `note`; `clock`/`state`/`dueAt`. */
  extra: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const idOrNull = (v: unknown) => (Number.isSafeInteger(v) ? (v as number) : null);

/**
 * The id of an event: the payload's `id` when the emitter gives one, else derived from what
 * makes the happening unique — the ticket, its version after the write, and the kind's own
 * facts (the note, the SLA clock and state). So a duplicate emit of the same write has the
 * same id, and deliveries keyed by it are not made twice.
 */
export function eventId(kind: TicketEventKind, ticket: EventTicket, extra: Record<string, unknown>, given?: unknown): string {
  if (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given)) return given;
  const facts: unknown[] = [kind, ticket.documentId];
  if (kind === 'noted') facts.push(isObject(extra.note) ? extra.note.id : null);
  else if (kind === 'sla') facts.push(extra.clock, extra.state, extra.dueAt ?? null);
  else facts.push(ticket.version, extra.from ?? null, extra.to ?? null);
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 32);
}

function readTicket(value: unknown): EventTicket | null {
  if (!isObject(value) || typeof value.documentId !== 'string' || !value.documentId) return null;
  return {
    documentId: value.documentId,
    type: String(value.type ?? ''),
    status: String(value.status ?? ''),
    version: Number(value.version ?? 0),
    creatorId: idOrNull(value.creatorId),
    assigneeId: idOrNull(value.assigneeId),
    title: typeof value.title === 'string' && value.title ? value.title : value.documentId,
  };
}

function readActor(value: unknown): EventActor {
  const actor = isObject(value) ? value : {};
  return {
    kind: typeof actor.kind === 'string' ? actor.kind : 'system',
    id: typeof actor.id === 'string' ? actor.id : null,
    name: typeof actor.name === 'string' ? actor.name : null,
    role: typeof actor.role === 'string' ? actor.role : null,
    userId: idOrNull(actor.userId),
  };
}

/** The event of a hub emit, or null when the payload lacks a ticket (logged and ignored by the caller). */
export function readTicketEvent(kind: TicketEventKind, payload: unknown): TicketEvent | null {
  if (!isObject(payload)) return null;
  const ticket = readTicket(payload.ticket);
  if (!ticket) return null;
  const extra = Object.fromEntries(Object.entries(payload).filter(([key]) => !['ticket', 'actor', 'at', 'id'].includes(key)));
  const { actor, at, id } = payload;
  return {
    id: eventId(kind, ticket, extra, id),
    kind,
    ticket,
    actor: readActor(actor),
    at: typeof at === 'string' ? at : new Date().toISOString(),
    extra,
  };
}
