import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import { OCR_RESULT_UID } from '../constants';
import type { OcrLine, OcrModelInfo } from '../clients/ocr-service';
import { ticketingService } from '../clients/ticketing-plugin';

/** A row of the results table, with `lines` parsed. */
interface ResultRow {
  image_id: string;
  width: number;
  height: number;
  lines: OcrLine[];
  engine: string | null;
  model_version: string | null;
  duration_ms: number;
  job_id: string;
  updated_at: Date | string;
}

// Strapi's pg setup hands jsonb back as text through the raw query builder
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** What the OCR worker stores per photo. */
export interface ReadPhoto {
  width: number;
  height: number;
  durationMs: number;
  lines: OcrLine[];
}

/** Stored OCR results: one row per (ticket, photo), replaced on a re-run, never duplicated. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(OCR_RESULT_UID).tableName;

  return {
    /** The unique index that makes a re-run replace, also when two workers race (bootstrap). */
    async ensureIndexes() {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (ticket_id, image_id)`, [
        `${table()}_ticket_image_uq`,
        table(),
      ]);
    },

    /** Stores (or replaces) the result of one photo. */
    async save(ticketId: string, imageId: string, read: ReadPhoto, model: OcrModelInfo | null, jobId: string) {
      const now = new Date();
      const row = {
        document_id: randomBytes(12).toString('hex'),
        ticket_id: ticketId,
        image_id: imageId,
        width: read.width,
        height: read.height,
        lines: JSON.stringify(read.lines),
        engine: model?.engine ?? null,
        model_version: model ? [model.det, model.rec, model.cls].filter(Boolean).join(' + ') : null,
        duration_ms: Math.round(read.durationMs),
        job_id: jobId,
        created_at: now,
        updated_at: now,
        published_at: now,
      };
      // a re-run keeps the row's identity and creation time, and replaces the rest
      const replaced = Object.keys(row).filter((column) => column !== 'document_id' && column !== 'created_at');
      await strapi.db.connection(table()).insert(row).onConflict(['ticket_id', 'image_id']).merge(replaced);
    },

    /** The rows of a ticket's results, keyed by photo id. */
    async rows(ticketId: string): Promise<Map<string, ResultRow>> {
      const rows = await strapi.db.connection(table()).where({ ticket_id: ticketId });
      return new Map(rows.map((r: ResultRow) => [r.image_id, { ...r, lines: json(r.lines) as OcrLine[] }]));
    },

    /** Each read photo's lines, in the ticket's photo order (what suggestions need: no URLs signed). */
    async linesByPhoto(ticketId: string): Promise<{ image: string; lines: OcrLine[] }[]> {
      const [stored, rows] = await Promise.all([ticketingService(strapi, 'photos').stored(ticketId), this.rows(ticketId)]);
      return stored.filter((p) => rows.has(p.id)).map((p) => ({ image: p.id, lines: rows.get(p.id)?.lines ?? [] }));
    },

    /** The ticket's results in photo order, each with its photo's pre-signed URL and size. */
    async forTicket(ticketId: string) {
      const photos = ticketingService(strapi, 'photos');
      const [stored, rows] = await Promise.all([photos.stored(ticketId), this.rows(ticketId)]);
      const withResult = stored.filter((p) => rows.has(p.id));
      return Promise.all(
        withResult.map(async (photo) => {
          const row = rows.get(photo.id) as ResultRow;
          const view = await photos.present(photo);
          return {
            image: { id: photo.id, name: photo.name, url: view.url, thumbnailUrl: view.thumbnailUrl, width: photo.width, height: photo.height },
            width: row.width,
            height: row.height,
            lines: row.lines,
            engine: row.engine,
            modelVersion: row.model_version,
            durationMs: row.duration_ms,
            job: row.job_id,
            updatedAt: accessService(strapi, 'timestamps').format(row.updated_at),
          };
        }),
      );
    },
  };
};
