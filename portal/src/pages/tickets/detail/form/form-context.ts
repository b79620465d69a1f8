import type { Photo } from '../photos/photo-types';

/** What the form's custom fields read from RJSF's formContext. */
export interface TicketFormContext {
  photos: Photo[];
  ticketId?: string;
}
