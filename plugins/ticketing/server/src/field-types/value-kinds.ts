/** The operators of the ticket list's form-field filters (`filters[form][<field>][<op>]`). */
export const FILTER_OPERATORS = ['$eq', '$ne', '$in', '$lt', '$lte', '$gt', '$gte', '$contains', '$null'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * How the values of a field type behave in SQL: which list-filter operators apply, what
 * its jsonb value is cast to for comparing and sorting, and whether each field of the type
 * gets a partial btree and extended statistics. A field type picks one; a type another
 * plugin adds may pick any of these or declare its own.
 */
export interface ValueKind {
  /** Names the kind in index and statistics names (stable: renaming one recreates them). */
  name: string;
  operators: readonly FilterOperator[];
  /** The SQL type `form_data->>'key'` is cast to; `jsonb`: the jsonb value itself (lists). */
  cast: 'bigint' | 'float8' | 'boolean' | 'text' | 'jsonb';
  /** `$contains` is a case-insensitive substring of the text, not a parsed value. */
  substring: boolean;
  sortable: boolean;
  /**
   * One partial btree per field: `(value, created_at DESC, id DESC) WHERE type_key = …`.
   * Substring search cannot use a btree, and each index costs every insert of its type
   * (20 of them made a bulk insert 4× slower), so free text gets none.
   */
  indexed: boolean;
  /**
   * Extended statistics on the field's expression, which partial indexes do not collect.
   * Without them the planner guesses that 0.5 % of rows match any value. Dates go without:
   * they grow with created_at, and with true estimates the planner walks the newest-first
   * index hoping to meet the range soon instead of scanning the range (docs/performance.md).
   */
  statistics: boolean;
}

const ORDERED: readonly FilterOperator[] = ['$eq', '$ne', '$in', '$lt', '$lte', '$gt', '$gte', '$null'];
const EQUALITY_AND_SUBSTRING: readonly FilterOperator[] = ['$eq', '$ne', '$in', '$contains', '$null'];

/** The kinds the built-in field types use. */
export const valueKinds = {
  wholeNumber: { name: 'integer', operators: ORDERED, cast: 'bigint', substring: false, sortable: true, indexed: true, statistics: true },
  decimal: { name: 'number', operators: ORDERED, cast: 'float8', substring: false, sortable: true, indexed: true, statistics: true },
  yesNo: { name: 'boolean', operators: ['$eq', '$ne', '$null'], cast: 'boolean', substring: false, sortable: true, indexed: true, statistics: true },
  /** A token out of a short list: equality is common and selective, so it is indexed. */
  choice: { name: 'text', operators: EQUALITY_AND_SUBSTRING, cast: 'text', substring: true, sortable: true, indexed: true, statistics: true },
  freeText: { name: 'text', operators: EQUALITY_AND_SUBSTRING, cast: 'text', substring: true, sortable: true, indexed: false, statistics: false },
  /** ISO dates and date-times in one zone: their text sorts in time order. */
  moment: { name: 'ordered-text', operators: ORDERED, cast: 'text', substring: false, sortable: true, indexed: true, statistics: false },
  /** A jsonb array: `$contains` is membership of one element. */
  list: { name: 'array', operators: ['$contains', '$null'], cast: 'jsonb', substring: false, sortable: false, indexed: false, statistics: false },
  /** Values SQL cannot compare (objects): only present or absent. */
  opaque: { name: 'other', operators: ['$null'], cast: 'jsonb', substring: false, sortable: false, indexed: false, statistics: false },
} satisfies Record<string, ValueKind>;
