import { stateLabel } from './labels';
import type { Locale, TypeDefinition } from './ticketing-slice';

const OPERATOR_TEXT: Record<string, string> = { $eq: '=', $ne: '≠', $in: '∈', $lt: '<', $lte: '≤', $gt: '>', $gte: '≥', $contains: '∋', $null: '∅' };

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The filters and sort of an export as people read them on a title row or a cover page
 * (`状态 = 处理中；PCI ≥ 100；排序 PCI asc`); empty when it takes every ticket of the type.
 */
export function describeQuery(query: Record<string, unknown>, definition: TypeDefinition, locale: Locale): string {
  const parts: string[] = [];
  const labels = new Map(definition.fields.map((f) => [f.key, f.label[locale] ?? f.key]));
  if (query.status !== undefined) {
    const states = Array.isArray(query.status) ? query.status : String(query.status).split(',');
    parts.push(`${locale === 'en' ? 'Status' : '状态'} = ${states.map((s) => stateLabel(String(s), locale)).join(', ')}`);
  }
  const form = (query.filters as { form?: Record<string, unknown> } | undefined)?.form ?? {};
  for (const [key, condition] of Object.entries(form)) {
    const conditions = typeof condition === 'object' && condition !== null && !Array.isArray(condition) ? Object.entries(condition) : [['$eq', condition] as const];
    for (const [op, value] of conditions) parts.push(`${labels.get(key) ?? key} ${OPERATOR_TEXT[op] ?? op} ${shown(value)}`);
  }
  if (typeof query.sort === 'string') {
    const [by, dir = 'asc'] = query.sort.split(':');
    parts.push(`${locale === 'en' ? 'sorted by' : '排序'} ${labels.get(by) ?? by} ${dir}`);
  }
  return parts.join(locale === 'en' ? '; ' : '；');
}
