import type { FilterOperator, ValueKind } from './value-kinds';

/** Locales the platform ships labels for; the first is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in every platform locale. */
export type LocalizedText = Record<Locale, string>;

/** One choice of an enum or multi-enum field: stored as `value`, shown with `label`. */
export interface EnumOption {
  value: string;
  label: LocalizedText;
}

/** A field of a ticket type as an admin designs it (one item of `ticket-type.fields`). */
export interface FieldDefinition {
  key: string;
  type: string;
  label: LocalizedText;
  required?: boolean;
  /** Type-specific rules; their allowed shape is the field type's `rulesSchema`. */
  rules?: Record<string, unknown>;
  aliases?: string[];
  help?: Partial<LocalizedText>;
  /** Roles that may read / write this field; an absent list leaves it to the type-level rights. */
  access?: FieldAccess;
  /** Shown (and its value kept) only while this holds; hidden values are dropped on save. */
  visibleWhen?: FieldCondition;
  /** Required only while this holds (and the field is visible). */
  requiredWhen?: FieldCondition;
  /** Key of another field whose value this one's must be later than (or greater than), when both are set. */
  after?: string;
}

/** Per-field rights, by Users & Permissions role type. */
export interface FieldAccess {
  read?: string[];
  write?: string[];
}

/** A test on other fields of the same form, as an admin writes it in `visibleWhen`/`requiredWhen`. */
export type FieldCondition =
  | { field: string; equals: unknown }
  | { field: string; in: unknown[] }
  | { field: string; min?: number | string; max?: number | string }
  | { field: string; empty: boolean }
  | { all: FieldCondition[] }
  | { any: FieldCondition[] };

/** A JSON Schema (draft-07) object; kept loose because fragments are composed by hand. */
export type JsonSchema = Record<string, unknown>;
/** An RJSF uiSchema fragment for one field. */
export type UiSchema = Record<string, unknown>;

export interface ParseContext {
  /** IANA zone that wall-clock input is read in (APP_TIMEZONE). */
  timeZone: string;
}

/**
 * The list-filter control that fits a field type, for clients that build filter bars from
 * the schema endpoint: a substring box, any of the field's options, an option a list must
 * hold, a range of whole or decimal numbers, of days or of moments, yes/no; null: none.
 */
export type FilterInput = 'search' | 'any-of' | 'has' | 'whole-range' | 'decimal-range' | 'day-range' | 'moment-range' | 'yes-no';

/** How the ticket list may filter and sort by one field: what the schema endpoint tells clients. */
export interface FieldFilter {
  field: string;
  operators: readonly FilterOperator[];
  sortable: boolean;
  /** null: no filter control fits (a photo list). */
  input: FilterInput | null;
}

/** Sample rules and canonical values of a type: the designer's docs and the conformance suite read them. */
export interface FieldTypeExamples<V> {
  /** Rules a field of this type may carry (`{}` when it needs none); every `values` item keeps them. */
  rules: Record<string, unknown>;
  /** Distinct canonical values, at least two, each different from the others. */
  values: V[];
  /** A value the example rules refuse, when the rules can refuse one. */
  invalid?: unknown;
}

/** A parsed value: `null` means the input was blank. */
export type ParseResult<V> = { ok: true; value: V | null } | { ok: false; error: string };

/**
 * A field type: everything the platform needs to design, render, validate,
 * import, OCR-map and export a field of this type, in one place.
 */
export interface FieldType<V = unknown> {
  /** Registry key, used as `type` in field definitions (`integer`, `geo-point`). */
  name: string;
  label: LocalizedText;
  /** JSON Schema of the `rules` object a field of this type may carry. */
  rulesSchema: JsonSchema;
  /** Checks the JSON Schema cannot express (min ≤ max, a compilable pattern); returns messages. */
  checkRules?(rules: Record<string, unknown>): string[];
  /** The JSON Schema fragment of one field's value (without title/description). */
  schema(field: FieldDefinition, locale: Locale): JsonSchema;
  /** The RJSF uiSchema fragment for one field (without help/title). */
  uiSchema(field: FieldDefinition, locale: Locale): UiSchema;
  /** Turns loose input (form, Excel cell, OCR text) into the canonical value. */
  parse(input: unknown, field: FieldDefinition, ctx: ParseContext): ParseResult<V>;
  /** Renders a canonical value for export (Excel cell, DOCX text) and for people (OCR suggestions). */
  format(value: V, field: FieldDefinition, locale: Locale): string | number | boolean | null;
  /** How its values compare in SQL: list operators, cast, sorting, indexes. */
  valueKind: ValueKind;
  /** The filter control that fits it (null: not offered in filter bars). */
  filterInput: FilterInput | null;
  /** Values are free text (names, descriptions): OCR and import match them by label only, never by shape. */
  freeText: boolean;
  /**
   * Checks one canonical value beyond its JSON Schema fragment (which the registry always
   * checks through ajv); returns a message in `locale`, or null when the value is fine.
   */
  check?(field: FieldDefinition, value: V, locale: Locale): string | null;
  examples: FieldTypeExamples<V>;
}
