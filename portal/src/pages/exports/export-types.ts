/** The formats an export writes (the server's EXPORT_FORMATS). */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The ticket's own columns an export may hold besides its form fields (the server's META_COLUMNS). */
export const META_COLUMNS = ['id', 'status', 'creator', 'createdAt', 'updatedAt'] as const;

/** POST /api/excel-io/exports's `data`: the list's query, the format and the columns. */
export interface ExportRequestBody {
  ticketType: string;
  format: ExportFormat;
  locale: string;
  status?: string;
  sort?: string;
  filters?: { form: Record<string, Record<string, string>> };
  columns?: string[];
  /** An .xlsx template's documentId: it sets the columns and the title area. */
  template?: string;
}

/** An export template as GET /api/excel-io/templates lists it (what the dialog offers). */
export interface ExportTemplate {
  documentId: string;
  name: string;
  ticketType: string;
}

/** A finished export job's `result`. */
export interface ExportResult {
  url: string;
  expiresAt: string | null;
  rows: number;
  bytes: number;
  filename: string;
  format?: ExportFormat;
}

/** An export job's `params` (the request as the server read it), as far as the portal reads it. */
export interface ExportJobParams {
  request?: { ticketType?: string; format?: ExportFormat; ticketId?: string };
}
