import type { Core } from '@strapi/strapi';
import { ConflictError, InvalidError, NotFoundError, type Actor } from 'strapi-plugin-access';
import type { ExcelIoConfig } from '../config';
import { jobsService } from '../clients/jobs-plugin';
import { resolveColumns } from '../export/columns';
import { exportService } from '../export/export-services';
import { readExportRequest, type ExportRequest } from '../export/export-request';
import { GoneError } from '../export/gone-error';
import { EXPORT_FILE_UID, EXPORT_QUEUE } from '../export/settings';
import { exportTicketing, type Locale, type StoredObject } from '../export/ticketing-slice';

/** An export-file record as stored. */
interface ExportFileRow {
  id: number;
  jobId: string;
  object: StoredObject;
  expiresAt: string | Date;
  deletedAt: string | Date | null;
}

/** Starting exports (checked before they are queued), downloads, and the expiry of their files. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::excel-io') as ExcelIoConfig;
  const files = () => strapi.db.query(EXPORT_FILE_UID as never);
  const actorRef = (actor: Actor) => ({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, userId: actor.userId });

  /** Everything that can be wrong with a request is a 400 now, not a failed job later. */
  async function check(request: ExportRequest, actor: Actor) {
    let definition;
    try {
      definition = await exportTicketing(strapi, 'ticket-types').definition(request.ticketType);
    } catch {
      throw new InvalidError(`Unknown ticket type "${request.ticketType}"`);
    }
    const tickets = exportTicketing(strapi, 'tickets');
    await tickets.parseList(request.query, actor.role);
    const fieldTypes = exportTicketing(strapi, 'field-types');
    // a column the caller may not read is unknown to it, like one the type does not have
    const readable = exportTicketing(strapi, 'field-access').readableDefinition(definition, actor.role);
    if (request.template) await exportService(strapi, 'templates').load(request.template, request.ticketType);
    else resolveColumns(readable, request.columns, request.locale, (name) => fieldTypes.get(name));
    if (request.format === 'docx' && !request.ticketId) {
      const limit = config().exportWordLimit;
      const count = await tickets.countList(request.query, actor.role);
      if (count > limit) throw new InvalidError(`A Word report holds at most ${limit} tickets; these filters match ${count}. Narrow them down.`, { count, limit });
    }
  }

  async function queue(request: ExportRequest, actor: Actor) {
    await check(request, actor);
    return exportService(strapi, 'export-jobs').add({ request, actor: actorRef(actor) }, actor.userId);
  }

  return {
    /** POST /exports — `{ data: { ticketType, format, filters?, sort?, status?, columns?, locale?, template? } }` → the job record. */
    async start(data: unknown, actor: Actor, locale: Locale) {
      return queue(readExportRequest(data, locale), actor);
    },

    /** POST /tickets/:ticketId/report — one ticket's Word report (404 for an unknown ticket). */
    async startTicketReport(ticketId: string, actor: Actor, locale: Locale) {
      const ticket = await exportTicketing(strapi, 'tickets').listedOne(ticketId);
      return queue({ ticketType: ticket.type, format: 'docx', locale, query: { type: ticket.type }, ticketId }, actor);
    },

    /**
     * A fresh pre-signed link to an export's file: 404 for someone else's job or one that is no
     * export, 409 while it is not done, 410 once its file has expired.
     */
    async download(jobId: string, actor: Actor): Promise<string> {
      const job = await jobsService(strapi).findOne(jobId, actor);
      if (job.kind !== EXPORT_QUEUE) throw new NotFoundError(`Export ${jobId} not found`);
      const file = (await files().findOne({ where: { jobId } })) as ExportFileRow | null;
      if (!file) throw new ConflictError(`Export ${jobId} has no file: it is ${job.status}`, { status: job.status });
      if (file.deletedAt || new Date(file.expiresAt).getTime() <= Date.now()) {
        throw new GoneError(`The file of export ${jobId} expired after ${config().exportTtlDays} days and was removed; export again`);
      }
      return exportTicketing(strapi, 'storage').signedUrl(file.object);
    },

    /** Removes every expired file from storage and marks its record; returns how many went. */
    async cleanup(now = new Date()): Promise<number> {
      const expired = (await files().findMany({ where: { expiresAt: { $lte: now }, deletedAt: { $null: true } }, limit: 1000 })) as ExportFileRow[];
      const storage = exportTicketing(strapi, 'storage');
      for (const file of expired) {
        await storage.remove(file.object);
        await files().update({ where: { id: file.id }, data: { deletedAt: now } as never });
      }
      return expired.length;
    },
  };
};
