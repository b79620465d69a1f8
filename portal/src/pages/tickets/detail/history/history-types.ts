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
