import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { accessService, InvalidError, MissingRightError, NotFoundError, type Actor } from 'strapi-plugin-access';
import { IMPORT_MAPPING_UID, MANAGE_RIGHT } from '../constants';
import { normalizeHeader } from '../mapping/normalize-header';
import type { HeaderChoices } from '../mapping/column-mapping';

interface MappingRow {
  id: number;
  documentId: string;
  ticketType: string;
  headerKey: string;
  headers: string[];
  mapping: HeaderChoices;
  creatorId: number | string | null;
  createdAt: string;
  updatedAt: string;
}

/** The key of a header set: the same headers in any order and spelling variant find the same mapping. */
export function headerKey(headers: string[]): string {
  const set = [...new Set(headers.map(normalizeHeader).filter(Boolean))].sort();
  return createHash('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 40);
}

/** Mappings users confirmed, per ticket type and header set; applied first on the next import of such a file. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(IMPORT_MAPPING_UID);
  const timestamps = () => accessService(strapi, 'timestamps');
  const present = (row: MappingRow) => ({
    id: row.documentId,
    ticketType: row.ticketType,
    headers: row.headers,
    mapping: row.mapping,
    creator: row.creatorId ? { id: Number(row.creatorId) } : null,
    createdAt: timestamps().format(row.createdAt),
    updatedAt: timestamps().format(row.updatedAt),
  });

  return {
    /** The saved mapping for a type and header set, if any. */
    async find(ticketType: string, headers: string[]) {
      const row = (await query().findOne({ where: { ticketType, headerKey: headerKey(headers) } })) as MappingRow | null;
      return row ? present(row) : null;
    },

    /** Saves (or replaces) the mapping of a type and header set; keys must be the type's fields. */
    async save(input: { ticketType: string; headers: string[]; mapping: HeaderChoices }, fieldKeys: string[], actor: Actor) {
      const unknown = Object.values(input.mapping).filter((f) => f !== null && !fieldKeys.includes(f));
      if (unknown.length) throw new InvalidError(`Not fields of ${input.ticketType}: ${unknown.join(', ')}`, { fields: unknown });
      const key = headerKey(input.headers);
      const existing = (await query().findOne({ where: { ticketType: input.ticketType, headerKey: key } })) as MappingRow | null;
      const data = { ticketType: input.ticketType, headerKey: key, headers: input.headers, mapping: input.mapping, creatorId: actor.userId };
      const row = (existing
        ? await query().update({ where: { id: existing.id }, data })
        : await query().create({ data })) as MappingRow;
      return present(row);
    },

    async list(ticketType: unknown) {
      if (ticketType !== undefined && typeof ticketType !== 'string') throw new InvalidError('ticketType must be a ticket type key');
      const rows = (await query().findMany({ where: ticketType ? { ticketType } : {}, orderBy: { updatedAt: 'desc' }, limit: 500 })) as MappingRow[];
      return rows.map(present);
    },

    /** Deletes a saved mapping: admins only (holders of jobs.manage, who see every import). */
    async delete(id: string, actor: Actor) {
      if (!accessService(strapi, 'access').hasRight(actor.role, MANAGE_RIGHT)) throw new MissingRightError(MANAGE_RIGHT);
      const row = (await query().findOne({ where: { documentId: id } })) as MappingRow | null;
      if (!row) throw new NotFoundError(`Saved mapping ${id} not found`);
      await query().delete({ where: { id: row.id } });
      return present(row);
    },
  };
};
