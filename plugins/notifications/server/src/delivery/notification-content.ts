import type { NotificationKind } from '../events/kinds';
import type { TicketEvent } from '../events/ticket-event';
import type { NotificationContent } from '../messages/email';

/** A note is at most 4,000 characters (issue 20); an e-mail carries it whole, the inbox a start of it. */
const NOTE_MAX = 4000;
export const INBOX_NOTE_MAX = 280;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** What the notifications of an event say: the ticket as it was, and the kind's words as parameters. */
export function notificationContent(event: TicketEvent, kind: NotificationKind): NotificationContent {
  const { ticket, extra } = event;
  const params: Record<string, string | null> = { actor: event.actor.name };
  if (kind === 'noted') {
    const note = extra.note && typeof extra.note === 'object' ? (extra.note as Record<string, unknown>) : {};
    params.note = (text(note.text) ?? '').slice(0, NOTE_MAX);
    params.noteId = text(note.id);
  } else if (kind === 'transitioned') {
    params.from = text(extra.from);
    params.to = text(extra.to);
  } else if (kind === 'sla_warning' || kind === 'sla_breached') {
    params.clock = text(extra.clock);
    params.dueAt = text(extra.dueAt);
  }
  return { kind, ticket: { id: ticket.documentId, title: ticket.title, type: ticket.type, status: ticket.status }, params };
}

/** The key that makes a delivery happen once: one per event, recipient and channel. */
export const deliveryKey = (eventId: string, userId: number, channel: string) => `${eventId}:${userId}:${channel}`;
