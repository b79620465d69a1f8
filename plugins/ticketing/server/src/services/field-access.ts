import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { ForbiddenError, NotFoundError } from 'strapi-plugin-access';
import { canReadField, canWriteField, type FieldDefinition, type Locale } from '../field-types';
import type { TypeDefinition } from './ticket-types';
import { getService } from '../utils/get-service';

const NOTHING: ReadonlySet<string> = new Set();
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A copy of `record` without the keys in `hidden` (the record itself when nothing is hidden). */
export function withoutKeys<T extends Record<string, unknown>>(record: T, hidden: ReadonlySet<string>): T {
  if (!hidden.size || !Object.keys(record).some((k) => hidden.has(k))) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as T;
}

/**
 * Per-field access (`access: { read, write }` on a field), enforced here for every path:
 * what a role may not read is taken out of every answer, and a write that changes what it may
 * not write is refused. The rules come from the type's current version whichever version a
 * ticket was written with: who may see a phone number is today's policy, not the form's.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ticketTypes = () => getService(strapi, 'ticket-types');

  async function currentFields(typeKey: string): Promise<FieldDefinition[]> {
    try {
      return (await ticketTypes().definition(typeKey)).fields;
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  const keysWhere = (fields: FieldDefinition[], test: (f: FieldDefinition) => boolean) =>
    new Set(fields.filter((f) => !test(f)).map((f) => f.key));

  return {
    /** Keys of the type's fields `role` may not read (null role: the system, which reads all). */
    async unreadable(typeKey: string, role: string | null): Promise<ReadonlySet<string>> {
      if (role === null) return NOTHING;
      return keysWhere(await currentFields(typeKey), (f) => canReadField(f, role));
    },

    /** `unreadable` for several types at once (a list page mixes them). */
    async unreadableByType(typeKeys: Iterable<string>, role: string | null): Promise<Map<string, ReadonlySet<string>>> {
      const keys = [...new Set(typeKeys)];
      const sets = await Promise.all(keys.map((k) => this.unreadable(k, role)));
      return new Map(keys.map((k, i) => [k, sets[i]]));
    },

    /** Every field of any type `role` may not read: what to hide when a ticket's type is unknown. */
    async unreadableByAnyType(role: string | null): Promise<ReadonlySet<string>> {
      if (role === null) return NOTHING;
      const types = await ticketTypes().listAllCached();
      return new Set(types.flatMap((t) => [...keysWhere(t.fields, (f) => canReadField(f, role))]));
    },

    /** Keys of the type's fields `role` may not write. */
    async unwritable(typeKey: string, role: string | null): Promise<ReadonlySet<string>> {
      if (role === null) return NOTHING;
      return keysWhere(await currentFields(typeKey), (f) => canWriteField(f, role));
    },

    /** A type version with only the fields `role` may read (for exports and reports). */
    readableDefinition<D extends TypeDefinition>(definition: D, role: string | null): D {
      if (role === null) return definition;
      const fields = definition.fields.filter((f) => canReadField(f, role));
      return fields.length === definition.fields.length ? definition : { ...definition, fields };
    },

    /** An audit entry as `role` may see it: diff values and per-field meta of hidden fields left out. */
    redactEntry<E extends { diff: unknown; meta: unknown }>(entry: E, hidden: ReadonlySet<string>): E {
      if (!hidden.size) return entry;
      const diff = isPlainObject(entry.diff) ? withoutKeys(entry.diff, hidden) : entry.diff;
      let meta = entry.meta;
      if (isPlainObject(meta) && isPlainObject(meta.sources)) meta = { ...meta, sources: withoutKeys(meta.sources, hidden) };
      return { ...entry, diff, meta };
    },

    /**
     * The form a write starts from: fields `role` may not write that the input leaves out keep
     * their stored values, so that a role never clears what it cannot see or change.
     */
    carryUnwritable(input: unknown, stored: Record<string, unknown>, unwritable: ReadonlySet<string>): unknown {
      if (!unwritable.size || !isPlainObject(input)) return input;
      const carried = { ...input };
      for (const key of unwritable) if (!(key in carried) && key in stored) carried[key] = stored[key];
      return carried;
    },

    /** 403 naming every field `role` may not write whose value the write would change; nothing is written. */
    assertUnchanged(
      before: Record<string, unknown>,
      after: Record<string, unknown>,
      unwritable: ReadonlySet<string>,
      fields: FieldDefinition[],
      locale: Locale,
    ) {
      const changed = [...unwritable].filter((key) => !isDeepStrictEqual(before[key] ?? null, after[key] ?? null));
      if (!changed.length) return;
      const labels = new Map(fields.map((f) => [f.key, f.label[locale]]));
      const named = changed.map((key) => ({ field: key, label: labels.get(key) ?? key }));
      const list = named.map((f) => `${f.field} (${f.label})`).join(', ');
      throw new ForbiddenError(locale === 'en' ? `You may not change ${list}` : `无权修改字段：${list}`, { fields: named });
    },
  };
};
