import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { invalidationBus, NotFoundError } from 'strapi-plugin-access';
import { TICKET_TYPE_REVISION_UID, TICKET_TYPE_UID } from '../constants';
import { fieldFilters, type FieldDefinition, type FormSource, type Locale } from '../field-types';
import { KeyedCache } from '../type-cache/keyed-cache';
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

/** A version of a type: its form source; the current version also says whether it takes new tickets. */
export type TypeDefinition = FormSource & { version: number; active?: boolean };

/**
 * How long a process trusts its copies of a type (current definition, form schemas) while it
 * cannot hear of changes over Redis (TYPE_CACHE_TTL_MS, default 2 s); while it can, copies
 * last until a change is announced. 0 caches nothing: the benchmark's baseline. Revisions
 * never change and are kept for good.
 */
function cacheTtlMs(): number {
  const ttl = Number(process.env.TYPE_CACHE_TTL_MS ?? 2000);
  return Number.isSafeInteger(ttl) && ttl >= 0 ? ttl : 2000;
}

const EVERY_TYPE = '*';

/** A form schema as the endpoint answers it, with its strong ETag (a hash of the answer). */
export interface TaggedFormSchema {
  data: object;
  etag: string;
}

/** Reads ticket types and their revisions, and serves their form schemas. */
function ticketTypesService({ strapi }: { strapi: Core.Strapi }) {
  const revisions = new Map<string, TypeDefinition>();
  const bus = invalidationBus(
    strapi,
    'ticket-type-changed',
    (key) => forgetLocally(key),
    () => {
      current.clear();
      schemas.clear();
      everyType.clear();
    },
  );
  const current = new KeyedCache<TypeDefinition>(bus.freshness, cacheTtlMs());
  const schemas = new KeyedCache<TaggedFormSchema>(bus.freshness, cacheTtlMs());
  // every type at once (what a list query is checked against): any type's change drops it
  const everyType = new KeyedCache<readonly TicketTypeEntry[]>(bus.freshness, cacheTtlMs());
  const forgetLocally = (key: string) => {
    current.invalidate(key);
    schemas.invalidate(key);
    everyType.invalidate(EVERY_TYPE);
  };

  return {
    /** Starts hearing of other processes' changes (bootstrap). */
    listen() {
      bus.start();
    },

    async close() {
      await bus.stop();
    },

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

    /**
     * `listAll` from this process's cache, for the read paths that run on every request (list
     * queries, field access); shared between callers, so never to be changed.
     */
    async listAllCached(): Promise<readonly TicketTypeEntry[]> {
      return everyType.get(EVERY_TYPE, 'all', () => this.listAll());
    },

    async findByKey(key: string): Promise<TicketTypeEntry | null> {
      return (await strapi.db.query(TICKET_TYPE_UID).findOne({ where: { key } })) as TicketTypeEntry | null;
    },

    /** Drops this process's copies of a type (inside the write's transaction). */
    forget(key: string) {
      forgetLocally(key);
    },

    /** After a type's write committed: every process drops its copies (this one at once). */
    async changed(key: string) {
      forgetLocally(key);
      await bus.publish(key);
    },

    /**
     * The type's definition at `version`, or its current one (with `active`) when omitted;
     * 404 naming what is missing.
     */
    async definition(key: string, version?: number): Promise<TypeDefinition> {
      if (version !== undefined) {
        const revisionKey = `${key}@${version}`;
        let revision = revisions.get(revisionKey);
        if (!revision) {
          const row = (await strapi.db
            .query(TICKET_TYPE_REVISION_UID)
            .findOne({ where: { typeKey: key, version } })) as TicketTypeEntry | null;
          if (!row) {
            if (!(await this.findByKey(key))) throw new NotFoundError(`Unknown ticket type "${key}"`);
            throw new NotFoundError(`Ticket type "${key}" has no version ${version}`);
          }
          revision = { ...toSource({ ...row, key }), version };
          revisions.set(revisionKey, revision);
        }
        return revision;
      }
      return current.get(key, 'current', async () => {
        const entry = await this.findByKey(key);
        if (!entry) throw new NotFoundError(`Unknown ticket type "${key}"`);
        return { ...toSource(entry), version: entry.version, active: entry.active };
      });
    },

    /** The form schema with its ETag, from this process's cache (see cacheTtlMs). */
    async taggedFormSchema(key: string, locale: Locale, version: number | undefined, role: string | null): Promise<TaggedFormSchema> {
      return schemas.get(key, JSON.stringify([version ?? null, locale, role]), async () => {
        const data = await this.formSchema(key, locale, version, role);
        const etag = `"${createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 27)}"`;
        return { data, etag };
      });
    },

    /**
     * The JSON Schema and uiSchema of a type's form, in one locale, as `role` may see it
     * (null: the system, every field). Per-field access follows the type's current version.
     */
    async formSchema(key: string, locale: Locale, version: number | undefined, role: string | null) {
      const definition = await this.definition(key, version);
      const fieldTypes = getService(strapi, 'field-types');
      const current = version === undefined ? definition : await this.definition(key);
      const accessOf = new Map(current.fields.map((f) => [f.key, f.access]));
      const governed = { ...definition, fields: definition.fields.map((f) => ({ ...f, access: accessOf.get(f.key) })) };
      const { schema, uiSchema } = fieldTypes.formSchema(governed, locale, role);
      const readable = new Set(uiSchema['ui:order'] as string[]);
      const filters = fieldFilters(definition.fields, fieldTypes.registry).filter((f) => readable.has(f.field));
      return { key, version: definition.version, locale, schema, uiSchema, filters };
    },
  };
}

export default ticketTypesService;
