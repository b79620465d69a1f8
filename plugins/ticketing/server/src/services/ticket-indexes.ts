import type { Core } from '@strapi/strapi';
import { AUDIT_LOG_UID, TICKET_UID } from '../constants';
import { fieldExpression, quoteTypeKey } from '../tickets/form-expressions';
import { valueKind } from '../tickets/list-query';
import type { TicketTypeEntry } from './ticket-types';
import { getService } from '../utils/get-service';

/**
 * Fields whose filters a btree serves: numbers, dates and date-times (equality, ranges,
 * sort) and enums (equality). Names, addresses, phones and free text are searched by
 * substring (`$contains`), which a btree cannot answer, and each partial index costs
 * every insert of its type: 20 of them made a bulk insert 4× slower than none.
 */
function indexed(field: { type: string }): boolean {
  const kind = valueKind(field.type);
  return kind === 'integer' || kind === 'number' || kind === 'boolean' || kind === 'ordered-text' || field.type === 'enum';
}

/** A stable index name within PostgreSQL's 63 characters. */
function indexName(...parts: string[]): string {
  const name = ['tkt', ...parts].join('_').replace(/[^a-z0-9_]/g, '_');
  if (name.length <= 63) return name;
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `${name.slice(0, 54)}_${hash.toString(36)}`;
}

/**
 * The index statements for tickets, all `IF NOT EXISTS` (run at every bootstrap; Strapi
 * runs migrations before its schema sync, so a migration cannot index a fresh table):
 * list order, type and state filters, and per type one partial composite btree per
 * filterable field — `(value, created_at DESC, id DESC) WHERE type_key = '…'` — which
 * serves equality, ranges and sorting on that field with the page order for free —
 * plus extended statistics on each such expression, which partial indexes do not collect.
 */
export function ticketIndexStatements(tickets: string, audit: string, types: Pick<TicketTypeEntry, 'key' | 'fields'>[]): string[] {
  const statements = [
    `CREATE INDEX IF NOT EXISTS ${indexName('created')} ON ${tickets} (created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('updated')} ON ${tickets} (updated_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('type_created')} ON ${tickets} (type_key, created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('state_created')} ON ${tickets} (state, created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('audit_entity')} ON ${audit} (entity_kind, entity_id, created_at DESC, id DESC)`,
  ];
  for (const type of types) {
    for (const field of type.fields) {
      if (!indexed(field)) continue;
      const kind = valueKind(field.type);
      // Without statistics on the expression the planner guesses that 0.5 % of rows match
      // any value: an enum filter matching a third of 1M tickets then got a bitmap scan of
      // all of them (0.7 s). Dates are left without: they grow with created_at, and with
      // true estimates the planner walks the newest-first index hoping to meet the range
      // soon — the trap in notes/performance.md — instead of scanning the range itself.
      if (kind !== 'ordered-text') {
        statements.push(`CREATE STATISTICS IF NOT EXISTS ${indexName('st', field.key, kind)} ON (${fieldExpression(field.key, kind)}) FROM ${tickets}`);
      }
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${indexName(type.key, field.key)} ON ${tickets} ` +
          `(${fieldExpression(field.key, kind)}, created_at DESC, id DESC) WHERE type_key = ${quoteTypeKey(type.key)}`,
      );
    }
  }
  return statements;
}

/** Creates the ticket indexes and makes the audit table append-only in the database itself. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const tickets = strapi.db.metadata.get(TICKET_UID).tableName;
    const audit = strapi.db.metadata.get(AUDIT_LOG_UID).tableName;
    const types = await getService(strapi, 'ticket-types').listAll();
    for (const sql of ticketIndexStatements(tickets, audit, types)) await strapi.db.connection.raw(sql);
    await strapi.db.connection.raw(`
      CREATE OR REPLACE FUNCTION ticketing_audit_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$ LANGUAGE plpgsql;
      DROP TRIGGER IF EXISTS ticketing_audit_append_only ON ${audit};
      CREATE TRIGGER ticketing_audit_append_only BEFORE UPDATE OR DELETE ON ${audit}
        FOR EACH ROW EXECUTE FUNCTION ticketing_audit_append_only();
    `);
  },
});
