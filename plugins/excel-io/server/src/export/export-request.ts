import { InvalidError } from 'strapi-plugin-access';
import { EXPORT_FORMATS, type ExportFormat } from './settings';
import type { Locale } from './ticketing-slice';

/** An export as asked for, checked for shape (the list query itself is checked by the ticketing plugin). */
export interface ExportRequest {
  ticketType: string;
  format: ExportFormat;
  locale: Locale;
  /** The list endpoint's parameters: `type`, `status`, `filters`, `sort`. */
  query: Record<string, unknown>;
  columns?: string[];
  template?: string;
  /** A single ticket's Word report. */
  ticketId?: string;
}

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `POST /exports`'s `data`, checked; every mistake is a 400 naming the member. */
export function readExportRequest(data: unknown, fallbackLocale: Locale): ExportRequest {
  if (!isObject(data)) throw new InvalidError('The body must be { data: { ticketType, format, filters?, sort?, status?, columns?, locale?, template? } }');
  const known = new Set(['ticketType', 'format', 'filters', 'sort', 'status', 'columns', 'locale', 'template']);
  for (const key of Object.keys(data)) if (!known.has(key)) throw new InvalidError(`Unknown member "${key}" of data`);
  const { ticketType, format, filters, sort, status, columns, locale, template } = data;
  if (typeof ticketType !== 'string' || !ticketType) throw new InvalidError('data.ticketType is required (a ticket type key)');
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new InvalidError(`data.format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (locale !== undefined && !(LOCALES as readonly unknown[]).includes(locale)) throw new InvalidError(`data.locale must be one of ${LOCALES.join(', ')}`);
  if (columns !== undefined && (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string'))) throw new InvalidError('data.columns must be a list of column keys');
  if (template !== undefined && template !== null && (typeof template !== 'string' || !template)) throw new InvalidError('data.template must be a template documentId');
  if (template && format !== 'xlsx') throw new InvalidError('Templates are .xlsx layouts: data.template needs format "xlsx"');
  if (template && columns !== undefined) throw new InvalidError("With a template the columns are its data row's: leave data.columns out");
  const query: Record<string, unknown> = { type: ticketType };
  if (filters !== undefined) query.filters = filters;
  if (sort !== undefined) query.sort = sort;
  if (status !== undefined) query.status = status;
  return {
    ticketType,
    format: format as ExportFormat,
    locale: (locale as Locale | undefined) ?? fallbackLocale,
    query,
    ...(columns ? { columns: columns as string[] } : {}),
    ...(typeof template === 'string' ? { template } : {}),
  };
}
