import type { NotificationKind } from '../events/kinds';
import type { TicketEvent } from '../events/ticket-event';

const userIdOf = (value: unknown) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : null);

/** The ids, without nulls, duplicates or `except`. */
function distinct(ids: (number | null)[], except: number | null): number[] {
  return [...new Set(ids.filter((id): id is number => id !== null && id !== except))];
}

/**
 * Who is told of an event, before their rights and preferences are looked at:
 * - assigned → the new assignee, unless they assigned themselves;
 * - noted → the ticket's assignee and creator, except the note's author;
 * - SLA warning / breach → the assignee and every publisher;
 * - transitioned ("your ticket moved") → the creator and the assignee, except who moved it.
 */
export function recipientsOf(event: TicketEvent, kind: NotificationKind, publisherIds: number[]): number[] {
  const actor = event.actor.userId;
  const { assigneeId, creatorId } = event.ticket;
  switch (kind) {
    case 'assigned':
      return distinct([userIdOf(event.extra.to) ?? assigneeId], actor);
    case 'noted':
      return distinct([assigneeId, creatorId], actor);
    case 'sla_warning':
    case 'sla_breached':
      return distinct([assigneeId, ...publisherIds], null);
    case 'transitioned':
      return distinct([creatorId, assigneeId], actor);
  }
}
