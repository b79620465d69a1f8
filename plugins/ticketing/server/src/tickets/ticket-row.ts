import type { TicketState } from './workflow';

/** A row of the tickets table as the raw query builder reads it (jsonb columns may come as text). */
export interface TicketRow {
  id: number;
  document_id: string;
  type_key: string;
  type_version: number;
  state: TicketState;
  form_data: unknown;
  version: number;
  photos?: unknown;
  creator_id: number | null;
  assignee_id?: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}
