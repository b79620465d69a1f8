/** Where a column's field came from (the preview's `source`). */
export type MappingSource = 'override' | 'saved' | 'exact' | 'alias' | 'fuzzy' | 'none';

/** A row's verdict: `valid` in a dry run is `created` in a real one. */
export type RowStatus = 'created' | 'valid' | 'rejected' | 'skipped';

/** A column of the header row and the field it feeds (or null). */
export interface PreviewColumn {
  index: number;
  letter: string;
  header: string;
  field: string | null;
  score: number;
  source: MappingSource;
  suggestion: { field: string; score: number } | null;
}

export interface RowError {
  field: string;
  message: string;
}

/** One checked row of the preview (its cells as read) or of the report (its values). */
export interface CheckedRow {
  row: number;
  status: RowStatus;
  errors: RowError[];
  cells?: string[];
  data: Record<string, unknown>;
  ticket?: string | null;
  kind?: string;
}

/** The header text → field key (null: not imported) map the API takes and answers. */
export type Mapping = Record<string, string | null>;

/** POST /api/excel-io/imports/preview → `data`: what importing this file would do. */
export interface ImportPreview {
  fileName: string;
  size: number;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  ticketType: string;
  typeVersion: number;
  fit: number;
  candidates: { ticketType: string; fit: number }[];
  sheet: string;
  sheets: { name: string; fit: number; headerRow: number | null }[];
  headerRow: number;
  columns: PreviewColumn[];
  mapping: Mapping;
  mappingScores: Record<string, number>;
  requiredUnmapped: string[];
  savedMapping: string | null;
  estimatedRows: number;
  rows: CheckedRow[];
}

export interface ImportCounts {
  rows: number;
  created: number;
  valid: number;
  rejected: number;
  skipped: number;
}

/** GET /api/excel-io/imports/:jobId/report → `data`. */
export interface ImportReport {
  job: { id: string; status: string; error: string | null; progress: { done?: number; total?: number } | null };
  fileName: string;
  format: string;
  dryRun: boolean;
  ticketType: string;
  sheet: string;
  headerRow: number;
  mapping: Mapping;
  rows: CheckedRow[];
  counts: ImportCounts;
}

/** What an import job carries (`params`) and returns (`result`), as far as the portal reads them. */
export interface ImportJobParams {
  fileName?: string;
  dryRun?: boolean;
  ticketType?: string;
}
export interface ImportJobResult {
  counts?: ImportCounts;
}

/** What the user chose in the wizard: the file and the options sent with it. */
export interface ImportChoices {
  ticketType?: string;
  sheet?: string;
  mapping?: Mapping;
}
