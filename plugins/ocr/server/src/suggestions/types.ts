/** A point in image pixels: `[x, y]`. */
export type Point = [number, number];

/** A text box as the OCR service returns it: TL, TR, BR, BL in image pixels. */
export type Quad = [Point, Point, Point, Point];

/**
 * What the suggester needs of a ticket-type field; a ticketing `FieldDefinition` fits as it is
 * (kept structural so this module never loads the ticketing plugin).
 */
export interface SuggestionField {
  key: string;
  type: string;
  label: Record<string, string>;
  aliases?: readonly string[];
  rules?: Record<string, unknown>;
}

/** The field type's parse result: `value: null` means the input was blank. */
export type ParseOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Turns raw OCR text into the field's canonical value (the registry's `parse`, bound to a time zone). */
export type ParseFn<F extends SuggestionField = SuggestionField> = (field: F, raw: string) => ParseOutcome;

/** One recognised line of a photo. */
export interface OcrLineInput {
  text: string;
  /** 0–1; treated as 1 when absent. */
  confidence?: number;
  box: Quad;
}

/** The OCR result of one photo; `image` is the photo's id, echoed in every source. */
export interface OcrImageInput<I = string | number> {
  image: I;
  lines: readonly OcrLineInput[];
}

/** Input of {@link suggestFields}. */
export interface SuggestInput<F extends SuggestionField = SuggestionField, I = string | number> {
  fields: readonly F[];
  parse: ParseFn<F>;
  images: readonly OcrImageInput<I>[];
}

/** Where a suggestion was read: the photo, its line indexes (label first) and a box around the pair. */
export interface SuggestionSource<I = string | number> {
  image: I;
  lines: number[];
  box: Quad;
}

/** A proposed canonical value for one field. */
export interface Suggestion<I = string | number> {
  field: string;
  value: unknown;
  /** The text the value was parsed from. */
  raw: string;
  /** 0–1: OCR confidence × label-match quality × layout certainty. */
  confidence: number;
  source: SuggestionSource<I>;
}

/** A value found for a field that its type refused (never proposed as data). */
export interface UnparsedSuggestion<I = string | number> {
  field: string;
  raw: string;
  error: string;
  source: SuggestionSource<I>;
}

/** A line that fed no suggestion. */
export interface Leftover<I = string | number> {
  image: I;
  line: number;
  text: string;
}

/** Output of {@link suggestFields}: the `GET /api/ocr/tickets/:id/suggestions` body. */
export interface SuggestResult<I = string | number> {
  data: Suggestion<I>[];
  meta: { unparsed: UnparsedSuggestion<I>[]; leftovers: Leftover<I>[] };
}
