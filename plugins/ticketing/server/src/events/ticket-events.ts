import type { Actor } from 'strapi-plugin-access';
import type { TicketRow } from '../tickets/ticket-row';
import { parseJsonColumn } from '../utils/json-column';

/** The names ticket events go out under on Strapi's event hub (other plugins listen: notifications, webhooks). */
export const TICKET_EVENTS = {
  created: 'ticketing.ticket.created',
  updated: 'ticketing.ticket.updated',
  transitioned: 'ticketing.ticket.transitioned',
  assigned: 'ticketing.ticket.assigned',
  noted: 'ticketing.ticket.noted',
  sla: 'ticketing.ticket.sla',
} as const;

export type TicketEventName = (typeof TICKET_EVENTS)[keyof typeof TICKET_EVENTS];

/** What every event says of its ticket: enough to address and word a notification without reading it again. */
export interface TicketSummary {
  documentId: string;
  type: string;
  status: string;
  version: number;
  creatorId: number | null;
  assigneeId: number | null;
  /** The form's site name, else the ticket's id: what a person recognises it by. */
  title: string;
}

export function ticketSummary(row: Pick<TicketRow, 'document_id' | 'type_key' | 'state' | 'version' | 'creator_id' | 'assignee_id' | 'form_data'>): TicketSummary {
  const form = (parseJsonColumn(row.form_data) ?? {}) as Record<string, unknown>;
  return {
    documentId: row.document_id,
    type: row.type_key,
    status: row.state,
    version: row.version,
    creatorId: row.creator_id ?? null,
    assigneeId: row.assignee_id ?? null,
    title: typeof form.site_name === 'string' && form.site_name ? form.site_name : row.document_id,
  };
}

/** The actor as events carry it (no more than who, by which role). */
export const eventActor = (actor: Actor) => ({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, userId: actor.userId });
