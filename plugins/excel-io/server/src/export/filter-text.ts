import { stateLabel } from './labels';
import type { FieldType, Locale, ParseContext, TypeDefinition } from './ticketing-slice';

const OPERATOR_TEXT: Record<string, string> = { $eq: '=', $ne: '≠', $in: '∈', $lt: '<', $lte: '≤', $gt: '>', $gte: '≥', $contains: '∋', $null: '∅' };

const raw = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** How field values are shown: each through its type's parse then format (`critical` → `紧急`), else as given. */
export interface ValueShower {
  typeOf(name: string): FieldType | undefined;
  parseContext: ParseContext;
}

/**
 * The filters and sort of an export as people read them on a title row or a cover page
 * (`状态 = 处理中；PCI ≥ 100；排序 PCI asc`); empty when it takes every ticket of the type.
 */
export function describeQuery(query: Record<string, unknown>, definition: TypeDefinition, locale: Locale, values: ValueShower): string {
  const parts: string[] = [];
  const labels = new Map(definition.fields.map((f) => [f.key, f.label[locale] ?? f.key]));
  const fields = new Map(definition.fields.map((f) => [f.key, f]));
  const show = (key: string, op: string, value: unknown): string => {
    if (Array.isArray(value)) return value.map((v) => show(key, op, v)).join(', ');
    const field = fields.get(key);
    const type = field && values.typeOf(field.type);
    if (!field || !type || op === '$null' || op === '$contains') return raw(value);
    const parsed = type.parse(value, field, values.parseContext);
    const formatted = parsed.ok && parsed.value !== null ? type.format(parsed.value, field, locale) : null;
    return formatted === null ? raw(value) : String(formatted);
  };
  if (query.status !== undefined) {
    const states = Array.isArray(query.status) ? query.status : String(query.status).split(',');
    parts.push(`${locale === 'en' ? 'Status' : '状态'} = ${states.map((s) => stateLabel(String(s), locale)).join(', ')}`);
  }
  const form = (query.filters as { form?: Record<string, unknown> } | undefined)?.form ?? {};
  for (const [key, condition] of Object.entries(form)) {
    const conditions = typeof condition === 'object' && condition !== null && !Array.isArray(condition) ? Object.entries(condition) : [['$eq', condition] as const];
    for (const [op, value] of conditions) parts.push(`${labels.get(key) ?? key} ${OPERATOR_TEXT[op] ?? op} ${show(key, op, op === '$in' && typeof value === 'string' ? value.split(',') : value)}`);
  }
  if (typeof query.sort === 'string') {
    const [by, dir = 'asc'] = query.sort.split(':');
    parts.push(`${locale === 'en' ? 'sorted by' : '排序'} ${labels.get(by) ?? by} ${dir}`);
  }
  return parts.join(locale === 'en' ? '; ' : '；');
}
