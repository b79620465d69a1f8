import type { Core } from '@strapi/strapi';
import { TICKET_UID } from '../constants';
import { FormValidator } from '../tickets/form-validator';
import { diffForms } from '../tickets/form-diff';
import { INITIAL_STATE, type TicketState } from '../tickets/workflow';
import type { Actor } from '../tickets/actor';
import type { Locale } from '../field-types';
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
 * The bulk path for tickets (demo data, imports): forms checked against one type version
 * at a time, rows written with their audit entries in multi-row statements.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const validator = new FormValidator(getService(strapi, 'field-types').registry);
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const audit = () => getService(strapi, 'audit');
  const ticketTypes = () => getService(strapi, 'ticket-types');

  return {
    /**
     * A checker for many forms of one type version (the current one when omitted): the
     * definition is read once, each call parses and validates one form.
     */
    async formChecker(typeKey: string, version?: number) {
      const definition = await ticketTypes().definition(typeKey, version);
      const parseContext = getService(strapi, 'field-types').parseContext();
      return {
        version: definition.version,
        check: (input: unknown, locale: Locale) => validator.validate(input, definition, locale, parseContext),
      };
    },

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
