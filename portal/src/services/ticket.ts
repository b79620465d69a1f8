import type { TicketSla } from './sla';

/** The ticket states; a new ticket starts in `draft`. */
export const TICKET_STATUSES = ['draft', 'submitted', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A ticket's form values, keyed by field. */
export type FormValues = Record<string, unknown>;

/** A ticket as GET /api/ticketing/tickets/:id answers it. */
export interface Ticket {
  documentId: string;
  type: string;
  typeVersion: number;
  status: TicketStatus;
  form: FormValues;
  version: number;
  photos: string[];
  creator: { id: number; username: string } | null;
  assignee: { id: number; username: string } | null;
  createdAt: string;
  updatedAt: string;
  allowedTransitions: TicketStatus[];
  /** The SLA timers; null (or absent, before a server knows SLAs) when the type has none. */
  sla?: TicketSla | null;
}

/** An active ticket type (GET /api/ticketing/ticket-types). */
export interface TicketType {
  key: string;
  name: Record<string, string>;
  description?: string;
  version: number;
}

/** The name of a ticket type in `locale`, falling back to zh-CN, then the key. */
export const typeName = (type: TicketType | undefined, locale: string, key = ''): string =>
  type?.name[locale] ?? type?.name['zh-CN'] ?? type?.key ?? key;
