export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

export interface FieldDefinition {
  key: string;
  type: string;
  label: Record<Locale, string>;
  required?: boolean;
  rules?: Record<string, unknown>;
  aliases?: string[];
  help?: Partial<Record<Locale, string>>;
  /** Role types that may read / write the field; an absent list leaves it to the type-level rights. */
  access?: FieldAccess;
  visibleWhen?: Condition;
  requiredWhen?: Condition;
  /** Key of the field whose value this one's must be later than (or greater than). */
  after?: string;
}

export interface FieldAccess {
  read?: string[];
  write?: string[];
}

/** A test on other fields of the form, as stored in `visibleWhen` / `requiredWhen`. */
export type Condition =
  | { field: string; equals: unknown }
  | { field: string; in: unknown[] }
  | { field: string; min?: number | string; max?: number | string }
  | { field: string; empty: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  title?: string;
  description?: string;
  oneOf?: { const: string; title: string }[];
  anyOf?: { const: string; title: string }[];
  [keyword: string]: unknown;
}

export interface FieldTypeInfo {
  name: string;
  label: Record<Locale, string>;
  rulesSchema: JsonSchema;
  /** The list-filter control that fits the type; the designer reads what conditions can test from it. */
  filterInput?: string | null;
}

export interface FieldIssue {
  field: string;
  path: string;
  message: string;
}

export interface Preview {
  issues: FieldIssue[];
  schema?: JsonSchema;
  uiSchema?: Record<string, Record<string, unknown>>;
}
