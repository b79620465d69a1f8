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
}

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
