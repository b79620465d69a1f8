import type { FieldDefinition, ParseResult } from 'strapi-plugin-ticketing';

/** A point in image pixels: `[x, y]`. */
export type Point = [number, number];

/** A text box as the OCR service returns it: TL, TR, BR, BL in image pixels. */
export type Quad = [Point, Point, Point, Point];

/** A ticket-type field, as the ticketing plugin defines it. */
export type SuggestionField = FieldDefinition;

/** The field-type registry as the suggester uses it, bound to the platform zone and locale. */
export interface FieldReader<F extends SuggestionField = SuggestionField> {
  /** Raw OCR text into the field's canonical value (the type's `parse`); `value: null` = blank. */
  parse(field: F, raw: unknown): ParseResult<unknown>;
  /** A message when a canonical value breaks the field's rules (the registry's `check`); null when it keeps them. */
  check(field: F, value: unknown): string | null;
  /** The field holds free text, so label-like words inside its value prove little. */
  isFreeText(field: F): boolean;
}

/** One recognised line of a photo. */
export interface OcrLineInput {
  text: string;
  /** 0–1; treated as 1 when absent. */
  confidence?: number;
  /** 0–1 per code point of `text` (the OCR service's CTC step probabilities); absent in older results. */
  charConfidences?: readonly number[];
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
  reader: FieldReader<F>;
  images: readonly OcrImageInput<I>[];
  /**
   * A suggestion whose weakest value character is below this is `unsure` (the portal leaves it
   * unticked with a warning); 0 (the default) marks none. The plugin passes its `unsureBelow` config.
   */
  unsureBelow?: number;
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
  /**
   * 0–1: the weakest OCR confidence of the characters the value was read from (the label's and
   * the spaces' left out); null when the stored OCR result has no per-character confidences.
   */
  minCharConfidence: number | null;
  /** The value may be misread: `minCharConfidence` is below the configured threshold. Never pre-ticked. */
  unsure: boolean;
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
