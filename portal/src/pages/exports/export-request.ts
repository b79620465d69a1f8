import { toApiQuery } from '../tickets/list/list-state';
import type { FilterSpec, ListState } from '../tickets/list/types';
import type { ExportFormat, ExportRequestBody, ExportResult } from './export-types';

const FORM_FILTER = /^filters\[form\]\[([^\]]+)\]\[\$(\w+)\]$/;

/**
 * The export of the list as it is shown: its type, status, field filters (the very values the
 * list sends, a moment's end-of-day bound included) and sort; all pages, so no page.
 * `columns` empty: the server's default (every field, then the ticket's own columns); with a
 * `template` (xlsx only) the template's data row gives them.
 */
export function exportRequest(
  state: ListState & { type: string },
  specs: FilterSpec[],
  format: ExportFormat,
  columns: string[],
  locale: string,
  template?: string,
): ExportRequestBody {
  const query = toApiQuery(state, specs);
  const form: Record<string, Record<string, string>> = {};
  for (const [name, value] of query) {
    const match = FORM_FILTER.exec(name);
    if (match) form[match[1]] = { ...form[match[1]], [`$${match[2]}`]: value };
  }
  return {
    ticketType: state.type,
    format,
    locale,
    ...(query.get('status') ? { status: query.get('status')! } : {}),
    sort: query.get('sort')!,
    ...(Object.keys(form).length ? { filters: { form } } : {}),
    // a template decides the columns itself
    ...(template ? { template } : columns.length ? { columns } : {}),
  };
}

/** Whether a finished export's signed link still works at `now`. */
export function linkAlive(result: Pick<ExportResult, 'expiresAt'>, now = Date.now()): boolean {
  return !result.expiresAt || Date.parse(result.expiresAt) > now;
}
