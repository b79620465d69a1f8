import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TICKET_TYPE_REVISION_UID, TICKET_TYPE_UID } from '../constants';
import type { FieldDefinition, FormSource, Locale } from '../field-types';
import { getService } from '../utils/get-service';

/** A ticket type entry as stored. */
export interface TicketTypeEntry {
  documentId: string;
  key: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  fields: FieldDefinition[];
  version: number;
  active: boolean;
}

const toSource = (entry: Pick<TicketTypeEntry, 'key' | 'nameZh' | 'nameEn' | 'description' | 'fields'>): FormSource => ({
  key: entry.key,
  name: { 'zh-CN': entry.nameZh, en: entry.nameEn },
  description: entry.description,
  fields: entry.fields,
});

/** Reads ticket types and their revisions, and serves their form schemas. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active types, by key. */
  async listActive() {
    const entries = (await strapi.db.query(TICKET_TYPE_UID).findMany({
      where: { active: true },
      orderBy: { key: 'asc' },
    })) as TicketTypeEntry[];
    return entries.map((e) => ({
      key: e.key,
      name: { 'zh-CN': e.nameZh, en: e.nameEn },
      description: e.description,
      version: e.version,
    }));
  },

  /** Every type, active or not, with its current fields. */
  async listAll(): Promise<TicketTypeEntry[]> {
    return (await strapi.db.query(TICKET_TYPE_UID).findMany({ orderBy: { key: 'asc' } })) as TicketTypeEntry[];
  },

  async findByKey(key: string): Promise<TicketTypeEntry | null> {
    return (await strapi.db.query(TICKET_TYPE_UID).findOne({ where: { key } })) as TicketTypeEntry | null;
  },

  /** The type's definition at `version` (the current one when omitted); 404 naming what is missing. */
  async definition(key: string, version?: number): Promise<FormSource & { version: number }> {
    const entry = await this.findByKey(key);
    if (!entry) throw new errors.NotFoundError(`Unknown ticket type "${key}"`);
    if (version === undefined || version === entry.version) return { ...toSource(entry), version: entry.version };
    const revision = (await strapi.db.query(TICKET_TYPE_REVISION_UID).findOne({
      where: { typeKey: key, version },
    })) as (TicketTypeEntry & { typeKey: string }) | null;
    if (!revision) throw new errors.NotFoundError(`Ticket type "${key}" has no version ${version}`);
    return { ...toSource({ ...revision, key }), version };
  },

  /** The JSON Schema and uiSchema of a type's form, in one locale. */
  async formSchema(key: string, locale: Locale, version?: number) {
    const definition = await this.definition(key, version);
    const { schema, uiSchema } = getService(strapi, 'field-types').formSchema(definition, locale);
    return { key, version: definition.version, locale, schema, uiSchema };
  },
});
