/** A point in image pixels: `[x, y]`. */
export type Point = [number, number];

/** A text box as the OCR service returns it: TL, TR, BR, BL in pixels of the upright image. */
export type Quad = [Point, Point, Point, Point];

/** One recognised line of a photo. */
export interface OcrLine {
  text: string;
  confidence: number;
  box: Quad;
}

/** One photo's stored OCR result (GET /api/ocr/results?ticket=). */
export interface OcrResult {
  image: { id: string; name: string; url: string; thumbnailUrl: string; width: number; height: number };
  /** The size of the upright image the boxes are measured in. */
  width: number;
  height: number;
  lines: OcrLine[];
  engine: string;
  modelVersion: string;
  durationMs: number;
  job: string;
  updatedAt: string;
}

/** Where a suggestion was read: the photo, its line indexes (label first) and a box around the pair. */
export interface SuggestionSource {
  image: string;
  lines: number[];
  box: Quad;
}

/** A proposed canonical value for one field (GET /api/ocr/tickets/:id/suggestions). */
export interface OcrSuggestion {
  field: string;
  value: unknown;
  /** The value as the form shows it (an option's label, a formatted date), in the request's language. */
  display?: string;
  /** The text the value was parsed from. */
  raw: string;
  /** 0–1. */
  confidence: number;
  /** 0–1: the OCR confidence of the value's weakest character; null when the photo was read before it was recorded. */
  minCharConfidence?: number | null;
  /** The server doubts the reading (its weakest character is below the configured threshold): never ticked for the user. */
  unsure?: boolean;
  source: SuggestionSource;
}

/** The suggestions answer. */
export interface SuggestionsAnswer {
  data: OcrSuggestion[];
  meta: {
    unparsed: { field: string; raw: string; error: string; source: SuggestionSource }[];
    leftovers: { image: string; line: number; text: string }[];
  };
}

/** A background job's state (the jobs plugin). */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job record as GET /api/jobs/:id answers it (the fields the portal reads). */
export interface JobRecord {
  documentId: string;
  kind: string;
  status: JobStatus;
  progress: { done?: number; total?: number; message?: string } | null;
  result: { images?: number; read?: number; lines?: number; failed?: unknown[] } | null;
  error: string | null;
}
