import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { accessService, InvalidError, NotFoundError, type Actor } from 'strapi-plugin-access';
import { parseTemplate, templateLayout, TemplateError, type ParsedTemplate } from '../export/template';
import { EXPORT_TEMPLATE_UID, TEMPLATE_MAX_BYTES } from '../export/settings';
import { exportTicketing } from '../export/ticketing-slice';

/** A multipart file as koa-body hands it over. */
export interface TemplateUpload {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** The media file a template points at, as the upload plugin stores it. */
interface MediaFile {
  id: number;
  name: string;
  hash: string;
  ext: string;
  mime: string;
  size: number;
  url: string;
  path?: string | null;
}

interface TemplateEntry {
  documentId: string;
  name: string;
  ticketType: string;
  file: MediaFile | null;
  createdAt: string;
  updatedAt: string;
}

const text = (value: unknown, name: string) => {
  if (typeof value !== 'string' || !value.trim()) throw new InvalidError(`${name} is required`);
  return value.trim();
};

/** Export templates: uploaded and checked, listed per ticket type, read for an export. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(EXPORT_TEMPLATE_UID as never);
  const present = (t: TemplateEntry) => ({
    documentId: t.documentId,
    name: t.name,
    ticketType: t.ticketType,
    fileName: t.file?.name ?? null,
    size: t.file?.size ?? null,
    // the platform's offset, as every timestamp the APIs answer with
    createdAt: accessService(strapi, 'timestamps').format(t.createdAt),
    updatedAt: accessService(strapi, 'timestamps').format(t.updatedAt),
  });

  /** A template checked against its ticket type: a TemplateError (400) names what is wrong. */
  async function check(bytes: Buffer, ticketType: string): Promise<ParsedTemplate> {
    const parsed = await parseTemplate(bytes);
    const definition = await exportTicketing(strapi, 'ticket-types').definition(ticketType);
    const fieldTypes = exportTicketing(strapi, 'field-types');
    templateLayout(parsed, definition, 'zh-CN', (name) => fieldTypes.get(name), { typeName: '', exportedAt: '', exportedBy: '', filters: '', count: 0 });
    return parsed;
  }

  /** The bytes of a media file, through the same storage adapter as photos. */
  const readMedia = (media: MediaFile) =>
    exportTicketing(strapi, 'storage').read({ path: media.path ?? '', hash: media.hash, ext: media.ext, mime: media.mime, size: media.size, url: media.url });

  async function knownType(key: string) {
    try {
      await exportTicketing(strapi, 'ticket-types').definition(key);
    } catch {
      throw new InvalidError(`Unknown ticket type "${key}"`);
    }
  }

  return {
    /** POST /templates: multipart `file` (.xlsx), `name`, `ticketType` → the stored template; virus-scanned before it is opened. */
    async create(file: TemplateUpload | TemplateUpload[] | undefined, body: Record<string, unknown>, caller: { actor: Actor; requestId?: string | null }) {
      if (Array.isArray(file)) throw new InvalidError('Send one template in the multipart field "file"');
      if (!file) throw new InvalidError('A template workbook (.xlsx) is required in the multipart field "file"');
      if (file.size > TEMPLATE_MAX_BYTES) throw new InvalidError(`The template is ${file.size} bytes; at most ${TEMPLATE_MAX_BYTES} are accepted`);
      const name = text(body.name, 'name');
      const ticketType = text(body.ticketType, 'ticketType');
      await knownType(ticketType);
      const shownName = file.originalFilename ?? `${name}.xlsx`;
      await accessService(strapi, 'virus-scan').check([{ name: shownName, path: file.filepath }], { ...caller, target: 'export template' });
      await check(await fs.readFile(file.filepath), ticketType);
      const [media] = (await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name: file.originalFilename ?? `${name}.xlsx` } },
        files: file,
      })) as MediaFile[];
      const created = (await documents().create({ data: { name, ticketType, file: media.id } as never, populate: ['file'] as never })) as unknown as TemplateEntry;
      return present(created);
    },

    /** Templates, optionally of one ticket type, by name. */
    async list(ticketType?: unknown) {
      const filters = typeof ticketType === 'string' && ticketType ? { ticketType } : {};
      const found = (await documents().findMany({ filters: filters as never, sort: 'name:asc' as never, populate: ['file'] as never })) as unknown as TemplateEntry[];
      return found.map(present);
    },

    async remove(documentId: string) {
      const found = await documents().findOne({ documentId });
      if (!found) throw new NotFoundError(`Template ${documentId} not found`);
      await documents().delete({ documentId });
    },

    /** Checks the uploaded media file `fileId` as a template of `ticketType` (the write guard's check). */
    async checkStored(fileId: number, ticketType: string): Promise<void> {
      await knownType(ticketType);
      const media = (await strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } })) as MediaFile | null;
      if (!media) throw new InvalidError(`No uploaded file ${fileId}`);
      await check(await readMedia(media), ticketType);
    },

    /** The template an export of `ticketType` uses, read and checked; 400 when it is unusable. */
    async load(documentId: string, ticketType: string): Promise<ParsedTemplate> {
      const found = (await documents().findOne({ documentId, populate: ['file'] as never })) as unknown as TemplateEntry | null;
      if (!found) throw new InvalidError(`Unknown template "${documentId}"`);
      if (found.ticketType !== ticketType) throw new InvalidError(`Template "${found.name}" is for ticket type ${found.ticketType}, not ${ticketType}`);
      if (!found.file) throw new TemplateError(`Template "${found.name}" has no file`);
      return check(await readMedia(found.file), ticketType);
    },
  };
};
