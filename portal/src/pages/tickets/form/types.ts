import type { Ticket } from '../../../services/ticket';

/** A single-ticket answer of the tickets API. */
export interface TicketAnswer {
  data: Ticket;
}

/** One audit entry of GET /tickets/:id/history (newest first). */
export interface HistoryEntry {
  id: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  diff: Record<string, [unknown, unknown]> | null;
  meta: Record<string, unknown> | null;
  requestId: string | null;
  at: string;
}

/** A page of history. */
export interface HistoryPage {
  data: HistoryEntry[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** A stored photo with its pre-signed URLs (GET /tickets/:id/images). */
export interface Photo {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  gps: { latitude: number; longitude: number } | null;
  url: string;
  thumbnailUrl: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

/** What the form's custom fields read from RJSF's formContext. */
export interface TicketFormContext {
  photos: Photo[];
  ticketId?: string;
}
