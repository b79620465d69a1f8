import type { Ticket } from '../../../services/ticket';

/** A single-ticket answer of the tickets API. */
export interface TicketAnswer {
  data: Ticket;
}
