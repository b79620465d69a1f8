import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { TICKET_UID } from '../constants';
import { accessService, InvalidError, NotFoundError } from 'strapi-plugin-access';
import { checkPhoto, type CheckedPhoto } from '../photos/photo-check';
import { sanitizeFileName } from '../photos/file-name';
import { photoStorage, type StoredObject } from '../photos/photo-storage';
import { MAX_TICKET_PHOTOS, photosOf, type StoredPhoto } from '../photos/stored-photo';
import type { PhotoView } from '../photos/photo-view';
import { withoutPhotos } from '../photos/form-photos';
import { removeUntilDone } from '../photos/remove-later';
import { diffForms } from '../tickets/form-diff';
import type { TicketRow } from '../tickets/ticket-row';
import { parseJsonColumn } from '../utils/json-column';
import { getService } from '../utils/get-service';
import type { WriteContext } from './tickets';

/** An uploaded file as the controller hands it over. */
export interface IncomingFile {
  name: string | null;
  bytes: Buffer;
}

/** A ticket's ordered photos on S3-compatible or local storage; every change is audited. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const storage = photoStorage(strapi);
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const audit = () => getService(strapi, 'audit');

  async function lock(trx: Knex.Transaction, ticketId: string): Promise<TicketRow> {
    const row = await trx(table()).where({ document_id: ticketId }).forUpdate().first();
    if (!row) throw new NotFoundError(`Ticket ${ticketId} not found`);
    return row;
  }

  /** What the API shows of a photo: its data and freshly signed URLs, never a storage key. */
  async function present(photo: StoredPhoto): Promise<PhotoView> {
    const [url, thumbnailUrl] = await Promise.all([storage.signedUrl(photo.original), storage.signedUrl(photo.thumbnail)]);
    const { id, name, mime, size, width, height, gps, uploadedBy } = photo;
    // stored as UTC (toISOString), shown in the platform's zone like every API timestamp
    const uploadedAt = accessService(strapi, 'timestamps').format(photo.uploadedAt);
    return { id, name, mime, size, width, height, gps, url, thumbnailUrl, uploadedAt, uploadedBy };
  }

  /** Tried once at once; when storage refuses (it is down) tried again later, in the background (removeUntilDone). */
  const removeObject = (object: StoredObject) =>
    removeUntilDone(
      () => storage.remove(object),
      (error) => strapi.log.warn(`photo object ${object.path}/${object.hash}${object.ext} could not be removed: ${(error as Error).message}`),
    );

  /** Puts the original and its thumbnail into storage; on failure removes what it put. */
  async function store(ticketId: string, photo: CheckedPhoto, bytes: Buffer, ctx: WriteContext, uploadKey?: string): Promise<StoredPhoto> {
    const id = randomUUID();
    const path = `images/${ticketId}`;
    const { thumbnail: thumb } = photo;
    const originalObject = { path, hash: id, ext: photo.ext, mime: photo.mime, size: photo.size };
    const thumbObject = { path, hash: `${id}-thumb`, ext: '.webp', mime: 'image/webp', size: thumb.bytes.length };
    let original: StoredObject;
    let thumbnail: StoredObject;
    try {
      original = await storage.put(originalObject, bytes);
      thumbnail = await storage.put(thumbObject, thumb.bytes);
    } catch (error) {
      // a put that failed here may still have landed (storage died before answering): both keys go
      await Promise.all([removeObject(originalObject), removeObject(thumbObject)]);
      throw error;
    }
    const { name, mime, size, width, height, gps } = photo;
    return {
      id,
      name,
      mime,
      size,
      width,
      height,
      gps,
      original,
      thumbnail: { ...thumbnail, width: thumb.width, height: thumb.height },
      uploadedAt: new Date().toISOString(),
      uploadedBy: ctx.actor.name,
      ...(uploadKey ? { uploadKey } : {}),
    };
  }

  const removeObjects = (photos: StoredPhoto[]) => Promise.all(photos.flatMap((p) => [removeObject(p.original), removeObject(p.thumbnail)]));

  const auditEntry = (ticketId: string, action: string, ctx: WriteContext, diff: Record<string, [unknown, unknown]>, meta: object) => ({
    entityKind: 'ticket',
    entityId: ticketId,
    action,
    actor: ctx.actor,
    diff,
    meta: { ...meta },
    requestId: ctx.requestId,
  });

  return {
    /** The ticket's photos as stored, in order (for other plugins: OCR reads them). */
    async stored(ticketId: string): Promise<StoredPhoto[]> {
      const row = await strapi.db.connection(table()).where({ document_id: ticketId }).first('photos');
      if (!row) throw new NotFoundError(`Ticket ${ticketId} not found`);
      return photosOf(row);
    },

    /** The ticket's photos in order, with pre-signed URLs. */
    async list(ticketId: string) {
      return Promise.all((await this.stored(ticketId)).map(present));
    },

    /** What the API shows of one photo, URLs signed now. */
    present,

    /** The bytes of a photo's original. */
    read: (photo: StoredPhoto) => storage.read(photo.original),

    /**
     * Scans every file for viruses, then checks each (a bad one refuses the whole upload), stores them, then appends
     * them to the ticket's list in one transaction with the audit entry. With an `uploadKey` (the client's id of
     * this upload) a repeat of an upload the ticket already holds stores nothing and answers its photos
     * (`replayed`): a client whose answer was lost can send again without adding the photos twice.
     */
    async upload(ticketId: string, files: IncomingFile[], ctx: WriteContext, uploadKey?: string) {
      if (!files.length) throw new InvalidError('Send one or more photos in the multipart field "files"');
      const row = await strapi.db.connection(table()).where({ document_id: ticketId }).first('id', 'photos');
      if (!row) throw new NotFoundError(`Ticket ${ticketId} not found`);
      const earlier = uploadKey ? photosOf(row).filter((p) => p.uploadKey === uploadKey) : [];
      if (earlier.length) return { photos: await Promise.all(earlier.map(present)), replayed: true };
      // before anything is decoded or stored; no-op when no scanner is configured
      const scanned = files.map((f) => ({ name: sanitizeFileName(f.name, ''), bytes: f.bytes }));
      await accessService(strapi, 'virus-scan').check(scanned, { actor: ctx.actor, requestId: ctx.requestId, target: `ticket ${ticketId} photos` });
      const checked: CheckedPhoto[] = [];
      for (const file of files) checked.push(await checkPhoto(file.name, file.bytes));

      const stored: StoredPhoto[] = [];
      let kept: StoredPhoto[] = [];
      try {
        for (const [i, photo] of checked.entries()) stored.push(await store(ticketId, photo, files[i].bytes, ctx, uploadKey));
        kept = await strapi.db.connection.transaction(async (trx) => {
          const row = await lock(trx, ticketId);
          const before = photosOf(row);
          // the same upload sent twice at once: the first to take the lock keeps its photos
          const raced = uploadKey ? before.filter((p) => p.uploadKey === uploadKey) : [];
          if (raced.length) return raced;
          if (before.length + stored.length > MAX_TICKET_PHOTOS) {
            throw new InvalidError(`A ticket holds at most ${MAX_TICKET_PHOTOS} photos; it has ${before.length}`);
          }
          const after = [...before, ...stored];
          await trx(table()).where({ id: row.id }).update({ photos: JSON.stringify(after), updated_at: new Date() });
          const diff = { photos: [before.map((p) => p.id), after.map((p) => p.id)] as [unknown, unknown] };
          const meta = { uploaded: stored.map(({ id, name, size }) => ({ id, name, size })) };
          await audit().append(trx, [auditEntry(ticketId, 'photo_upload', ctx, diff, meta)]);
          return stored;
        });
      } catch (error) {
        await removeObjects(stored);
        throw error;
      }
      if (kept !== stored) await removeObjects(stored);
      return { photos: await Promise.all(kept.map(present)), replayed: kept !== stored };
    },

    /** Sets the order: `ids` must name every photo of the ticket exactly once. */
    async reorder(ticketId: string, ids: unknown, ctx: WriteContext) {
      await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, ticketId);
        const before = photosOf(row);
        const byId = new Map(before.map((p) => [p.id, p]));
        const valid =
          Array.isArray(ids) && ids.length === before.length && new Set(ids).size === ids.length && ids.every((id) => byId.has(id));
        if (!valid) {
          throw new InvalidError('data.order must list every photo id of the ticket exactly once', {
            photos: before.map((p) => p.id),
          });
        }
        const after = (ids as string[]).map((id) => byId.get(id) as StoredPhoto);
        await trx(table()).where({ id: row.id }).update({ photos: JSON.stringify(after), updated_at: new Date() });
        const diff = { photos: [before.map((p) => p.id), ids] as [unknown, unknown] };
        await audit().append(trx, [auditEntry(ticketId, 'photo_reorder', ctx, diff, {})]);
      });
      return this.list(ticketId);
    },

    /**
     * Removes one photo from the list (and from every images field of the form, which then
     * counts as a form change and bumps the version), then its objects from storage.
     */
    async remove(ticketId: string, imageId: string, ctx: WriteContext) {
      const removed = await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, ticketId);
        const before = photosOf(row);
        const photo = before.find((p) => p.id === imageId);
        if (!photo) throw new NotFoundError(`Ticket ${ticketId} has no photo ${imageId}`);
        const after = before.filter((p) => p.id !== imageId);
        const form = parseJsonColumn(row.form_data) as Record<string, unknown>;
        const definition = await getService(strapi, 'ticket-types').definition(row.type_key, row.type_version);
        const newForm = withoutPhotos(form, definition.fields, imageId);
        const formChanged = newForm !== form;
        await trx(table())
          .where({ id: row.id })
          .update({
            photos: JSON.stringify(after),
            updated_at: new Date(),
            ...(formChanged ? { form_data: JSON.stringify(newForm), version: row.version + 1 } : {}),
          });
        const diff = { photos: [before.map((p) => p.id), after.map((p) => p.id)] as [unknown, unknown], ...diffForms(form, newForm) };
        await audit().append(trx, [auditEntry(ticketId, 'photo_delete', ctx, diff, { deleted: { id: photo.id, name: photo.name } })]);
        return photo;
      });
      await removeObjects([removed]);
    },

    /** Deletes the objects of photos whose ticket is gone (called after the ticket's delete commits). */
    removeObjects,
  };
};
