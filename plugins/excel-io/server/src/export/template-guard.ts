import type { Core, Modules } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
import { EXPORT_TEMPLATE_UID } from './settings';
import { exportService } from './export-services';

type Data = Record<string, unknown>;
type Middleware = Modules.Documents.Middleware.Middleware;

/** The media id a write sets `file` to: `7`, `"7"`, `{ id: 7 }` or `[{ id: 7 }]` as clients send it. */
function fileId(value: unknown): number | null {
  const one = Array.isArray(value) ? value[0] : value;
  const id = typeof one === 'object' && one !== null ? (one as { id?: unknown }).id : one;
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Checks every template write, whichever door it comes through (the Content Manager, the REST
 * route, a script): the file must be a usable template for the ticket type (a 400 naming the
 * problem otherwise), before anything is written.
 */
export function templateGuard(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== EXPORT_TEMPLATE_UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Data; documentId?: string };
    const data = params.data ?? {};
    if (context.action === 'update' && !('file' in data) && !('ticketType' in data)) return next();
    const existing = params.documentId
      ? ((await strapi.db.query(EXPORT_TEMPLATE_UID as never).findOne({ where: { documentId: params.documentId }, populate: ['file'] as never })) as { ticketType?: string; file?: { id: number } | null } | null)
      : null;
    const ticketType = (data.ticketType as string | undefined) ?? existing?.ticketType;
    const id = 'file' in data ? fileId(data.file) : existing?.file?.id ?? null;
    if (typeof ticketType !== 'string' || !ticketType) throw new InvalidError('An export template needs a ticket type');
    if (id === null) throw new InvalidError('An export template needs its .xlsx file');
    await exportService(strapi, 'templates').checkStored(id, ticketType);
    return next();
  };
}
