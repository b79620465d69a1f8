import { matches, type Schema } from './schema-match';
import type { JsonSchema, Locale } from './types';

/** The server's words for an `x-after` value that is not later, in the preview's language. */
const NOT_LATER: Record<Locale, (earlier: string) => string> = {
  'zh-CN': (earlier) => `必须晚于${earlier}`,
  en: (earlier) => `must be later than ${earlier}`,
};

export type PreviewValues = Record<string, unknown>;

/** One field of the previewed form as the role previewed would see it now. */
export interface PreviewField {
  key: string;
  schema: JsonSchema;
  required: boolean;
  readOnly: boolean;
  /** What the server would refuse about its value (only `x-after` is checked here). */
  error?: string;
}

interface Branch {
  if?: Schema;
  then?: { properties?: Record<string, JsonSchema>; required?: string[] };
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function branchesOf(schema: JsonSchema): Branch[] {
  return Array.isArray(schema.allOf) ? (schema.allOf as Branch[]) : [];
}

/** Values without the blanks a form holds for untouched inputs: the server sees those as absent. */
function present(values: PreviewValues): PreviewValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => isSet(v)));
}

function laterThan(a: unknown, b: unknown, format: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  if (typeof a !== 'string' || typeof b !== 'string') return true;
  return format === 'date-time' ? Date.parse(a) > Date.parse(b) : a > b;
}

/**
 * The fields the compiled schema shows for `values`, in the form's order, and the values
 * the form keeps: a field whose `if` no longer holds is hidden and its value dropped (as the
 * server drops it on save), which may hide further fields, so this repeats until stable.
 */
export function previewForm(
  schema: JsonSchema,
  uiSchema: Record<string, unknown>,
  values: PreviewValues,
  locale: Locale = 'en',
): { fields: PreviewField[]; values: PreviewValues } {
  const base = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const conditional = new Set(branchesOf(schema).flatMap((b) => Object.keys(b.then?.properties ?? {})));
  let kept = present(values);
  for (let round = 0; round <= conditional.size; round++) {
    const held = branchesOf(schema).filter((b) => b.if === undefined || matches(b.if, kept));
    const visible = new Set([...Object.keys(base), ...held.flatMap((b) => Object.keys(b.then?.properties ?? {}))]);
    const next = Object.fromEntries(Object.entries(kept).filter(([k]) => visible.has(k) || !conditional.has(k)));
    if (Object.keys(next).length === Object.keys(kept).length) {
      return { fields: fieldsOf(schema, uiSchema, held, visible, kept, locale), values: kept };
    }
    kept = next;
  }
  return { fields: [], values: kept };
}

function fieldsOf(
  schema: JsonSchema,
  uiSchema: Record<string, unknown>,
  held: Branch[],
  visible: Set<string>,
  values: PreviewValues,
  locale: Locale,
): PreviewField[] {
  const properties: Record<string, JsonSchema> = { ...(schema.properties as Record<string, JsonSchema>) };
  held.forEach((b) => Object.assign(properties, b.then?.properties ?? {}));
  const required = new Set([...((schema.required as string[]) ?? []), ...held.flatMap((b) => b.then?.required ?? [])]);
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as string[]) : Object.keys(properties);
  return order
    .filter((key) => visible.has(key) && properties[key])
    .map((key) => {
      const property = properties[key];
      const ui = (uiSchema[key] ?? {}) as Record<string, unknown>;
      const earlier = property['x-after'] as string | undefined;
      const error =
        earlier && isSet(values[key]) && isSet(values[earlier]) && !laterThan(values[key], values[earlier], property.format)
          ? NOT_LATER[locale]((properties[earlier]?.title as string) ?? earlier)
          : undefined;
      return {
        key,
        schema: property,
        required: required.has(key),
        readOnly: property.readOnly === true || ui['ui:readonly'] === true,
        ...(error ? { error } : {}),
      };
    });
}
