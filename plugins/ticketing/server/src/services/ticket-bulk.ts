import type { Core } from '@strapi/strapi';
import { TICKET_UID } from '../constants';
import { diffForms } from '../tickets/form-diff';
import { INITIAL_STATE, type TicketState } from '../tickets/workflow';
import type { Actor } from 'strapi-plugin-access';
import { newDocumentId } from '../utils/document-id';
import { getService } from '../utils/get-service';
import { unnestInsert, type UnnestColumn } from '../utils/unnest-insert';

const TICKET_COLUMNS: UnnestColumn[] = [
  { name: 'document_id', type: 'text' },
  { name: 'type_key', type: 'text' },
  { name: 'type_version', type: 'integer' },
  { name: 'state', type: 'text' },
  { name: 'form_data', type: 'jsonb' },
  { name: 'version', type: 'integer' },
  { name: 'creator_id', type: 'integer' },
  { name: 'created_at', type: 'timestamp' },
  { name: 'updated_at', type: 'timestamp' },
  { name: 'published_at', type: 'timestamp' },
];

/** A validated ticket for `insertMany`. */
export interface BulkTicket {
  type: string;
  typeVersion: number;
  form: Record<string, unknown>;
  state?: TicketState;
  createdAt?: Date;
}

/**
 * The bulk path for tickets (demo data, imports): validated rows written with their audit
 * entries in multi-row statements.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const audit = () => getService(strapi, 'audit');

  return {
    /**
     * Inserts already-validated tickets with multi-row statements, each with its audit
     * entry, in one transaction: the bulk path (demo data, imports) — an insert per row
     * is 40–75× slower (notes/performance.md).
     */
    async insertMany(items: BulkTicket[], ctx: { actor: Actor; requestId?: string | null; action?: string }) {
      const rows = items.map((item) => ({
        document_id: newDocumentId(),
        type_key: item.type,
        type_version: item.typeVersion,
        state: item.state ?? INITIAL_STATE,
        form_data: JSON.stringify(item.form),
        version: 1,
        creator_id: ctx.actor.userId,
        created_at: item.createdAt ?? new Date(),
        updated_at: item.createdAt ?? new Date(),
        published_at: item.createdAt ?? new Date(),
      }));
      await strapi.db.connection.transaction(async (trx) => {
        await unnestInsert(trx, table(), TICKET_COLUMNS, rows);
        await audit().append(
          trx,
          rows.map((row, i) => ({
            entityKind: 'ticket',
            entityId: row.document_id,
            action: ctx.action ?? 'create',
            actor: ctx.actor,
            diff: diffForms(null, items[i].form),
            requestId: ctx.requestId,
          })),
        );
      });
      return rows.map((r) => r.document_id);
    },
  };
};
