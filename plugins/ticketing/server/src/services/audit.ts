import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../utils/document-id';
import { parseJsonColumn } from '../utils/json-column';
import { AUDIT_LOG_UID } from '../constants';
import { accessService, type AuditEntry } from 'strapi-plugin-access';
import { copyField, copyInto, copyLine } from '../utils/copy-into';
import { unnestInsert, type UnnestColumn } from '../utils/unnest-insert';

/** An entry of the trail (the access plugin's shape: it hands this plugin its events to record). */
export type { AuditEntry };

/** A row of the audit table as the raw query builder reads it. */
interface AuditRow {
  document_id: string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  diff: unknown;
  meta: unknown;
  request_id: string | null;
  created_at: Date | string;
}

const AUDIT_COLUMNS: UnnestColumn[] = [
  { name: 'document_id', type: 'text' },
  { name: 'entity_kind', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'actor_kind', type: 'text' },
  { name: 'actor_id', type: 'text' },
  { name: 'actor_name', type: 'text' },
  { name: 'diff', type: 'jsonb' },
  { name: 'meta', type: 'jsonb' },
  { name: 'request_id', type: 'text' },
  { name: 'created_at', type: 'timestamp' },
  { name: 'updated_at', type: 'timestamp' },
  { name: 'published_at', type: 'timestamp' },
];


/** The append-only audit trail: written inside the caller's transaction, read newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(AUDIT_LOG_UID).tableName;
  return {
    table,

    /** The audit table's rows for `entries`, for writers that insert them in their own statement. */
    rows(entries: AuditEntry[], now = new Date()) {
      return entries.map((e) => ({
        document_id: newDocumentId(),
        entity_kind: e.entityKind,
        entity_id: e.entityId,
        action: e.action,
        actor_kind: e.actor.kind,
        actor_id: e.actor.id,
        actor_name: e.actor.name,
        diff: e.diff ? JSON.stringify(e.diff) : null,
        meta: e.meta ? JSON.stringify(e.meta) : null,
        request_id: e.requestId ?? null,
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
    },

    /** Appends entries within `trx`, so they commit or roll back with the change they describe. */
    async append(trx: Knex.Transaction, entries: AuditEntry[]) {
      if (entries.length) await unnestInsert(trx, table(), AUDIT_COLUMNS, this.rows(entries));
    },

    /** An entry as one line of COPY text, for writers that gather many (`appendCopied`). */
    copyLine(entry: AuditEntry, now: Date): Buffer {
      const [row] = this.rows([entry], now);
      return copyLine(AUDIT_COLUMNS.map((c) => copyField(row[c.name as keyof typeof row])));
    },

    /** Appends entries made into lines by `copyLine`, within `trx`, with COPY (the bulk path: imports). */
    async appendCopied(trx: Knex.Transaction, lines: Buffer[]) {
      await copyInto(trx, table(), AUDIT_COLUMNS.map((c) => c.name), lines);
    },

    /** Appends entries in a transaction of their own (for changes that are not one write of ours). */
    async record(entries: AuditEntry[]) {
      await strapi.db.connection.transaction((trx) => this.append(trx, entries));
    },

    /** The meta of an entity's newest entry with `action`; null when it has none. */
    async lastMeta(entityKind: string, entityId: string, action: string): Promise<Record<string, unknown> | null> {
      const row = await strapi.db
        .connection(table())
        .where({ entity_kind: entityKind, entity_id: entityId, action })
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first('meta');
      return row ? ((parseJsonColumn(row.meta) as Record<string, unknown> | null) ?? null) : null;
    },

    /** One page of an entity's entries, newest first, and their total. */
    async history(entityKind: string, entityId: string, page: number, pageSize: number) {
      const db = strapi.db.connection;
      const where = { entity_kind: entityKind, entity_id: entityId };
      const [rows, [{ total }]] = await Promise.all([
        db(table())
          .where(where)
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db(table()).where(where).count({ total: '*' }),
      ]);
      const timestamps = accessService(strapi, 'timestamps');
      return {
        entries: rows.map((r: AuditRow) => ({
          id: r.document_id,
          action: r.action,
          actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
          diff: parseJsonColumn(r.diff),
          meta: parseJsonColumn(r.meta),
          requestId: r.request_id,
          at: timestamps.format(r.created_at),
        })),
        total: Number(total),
      };
    },
  };
};
