import { fieldSchemasOf, type FormSchema } from '../../services/schema-types';
import type { Mapping, PreviewColumn } from './import-types';

/** A field the mapping select offers: its key and its label in the UI language. */
export interface FieldChoice {
  value: string;
  label: string;
}

/** One line of the mapping table: the column, the field it feeds now, how sure the server was. */
export interface MappingRow {
  key: string;
  letter: string;
  header: string;
  field: string | null;
  score: number;
  source: PreviewColumn['source'];
  suggestion: string | null;
  /** The user changed it here (not yet checked by the server). */
  changed: boolean;
}

/** The fields of the type's form, in form order, labelled as the schema answer labels them. */
export function fieldChoices(schema: FormSchema): FieldChoice[] {
  return Object.entries(fieldSchemasOf(schema)).map(([key, field]) => ({ value: key, label: field.title ?? key }));
}

/** Every column of the header row with the field `mapping` gives it. */
export function mappingRows(columns: PreviewColumn[], mapping: Mapping): MappingRow[] {
  return columns.map((column) => {
    const field = column.header in mapping ? mapping[column.header] : column.field;
    return {
      key: `${column.index}`,
      letter: column.letter,
      header: column.header,
      field,
      score: column.score,
      source: column.source,
      suggestion: column.suggestion?.field ?? null,
      changed: field !== column.field,
    };
  });
}

/**
 * `mapping` with `header` feeding `field` (null: ignored). A field is fed by one column only, as
 * the server maps: the column that fed it before is ignored from now on.
 */
export function overrideColumn(mapping: Mapping, header: string, field: string | null): Mapping {
  const next: Mapping = {};
  for (const [other, fed] of Object.entries(mapping)) next[other] = field !== null && fed === field && other !== header ? null : fed;
  next[header] = field;
  return next;
}

/** The required fields of `schema` no column of `mapping` feeds. */
export function requiredUnmapped(schema: FormSchema, mapping: Mapping): string[] {
  const fed = new Set(Object.values(mapping).filter((field): field is string => !!field));
  return (schema.required ?? []).filter((field) => !fed.has(field));
}

/** Confidence as a whole percent (scores are 0–1). */
export const confidencePercent = (score: number): number => Math.round(Math.max(0, Math.min(1, score)) * 100);
