import type { Core } from '@strapi/strapi';
import { AUDIT_LOG_UID, TICKET_UID } from '../constants';
import { fieldExpression, quoteTypeKey } from '../tickets/form-expressions';
import { hasPosition, positionIndexStatement } from '../tickets/near';
import type { ValueKind } from '../field-types';
import type { TicketTypeEntry } from './ticket-types';
import { getService } from '../utils/get-service';

/** A stable index name within PostgreSQL's 63 characters. */
function indexName(...parts: string[]): string {
  const name = ['tkt', ...parts].join('_').replace(/[^a-z0-9_]/g, '_');
  if (name.length <= 63) return name;
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `${name.slice(0, 54)}_${hash.toString(36)}`;
}

/** The extended statistics on a field's expression (the planner's count of its distinct values). */
export const fieldStatisticsName = (fieldKey: string, kind: Pick<ValueKind, 'name'>) => indexName('st', fieldKey, kind.name);

/**
 * The index statements for tickets, all `IF NOT EXISTS` (run at every bootstrap; Strapi
 * runs migrations before its schema sync, so a migration cannot index a fresh table):
 * list order, type and state filters, and per type one partial composite btree per
 * filterable field — `(value, created_at DESC, id DESC) WHERE type_key = '…'` — which
 * serves equality, ranges and sorting on that field with the page order for free —
 * plus extended statistics on each such expression, which partial indexes do not collect.
 */
export function ticketIndexStatements(
  tickets: string,
  audit: string,
  types: Pick<TicketTypeEntry, 'key' | 'fields'>[],
  kindOf: (typeName: string) => ValueKind | undefined,
): string[] {
  const statements = [
    `CREATE INDEX IF NOT EXISTS ${indexName('created')} ON ${tickets} (created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('updated')} ON ${tickets} (updated_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('type_created')} ON ${tickets} (type_key, created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('state_created')} ON ${tickets} (state, created_at DESC, id DESC)`,
    // "my tickets", and a migration's walk over one version of a type
    `CREATE INDEX IF NOT EXISTS ${indexName('assignee_created')} ON ${tickets} (assignee_id, created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('type_version')} ON ${tickets} (type_key, type_version)`,
    // the SLA sweep reads the tickets due for a check; the list sorts by due time
    `CREATE INDEX IF NOT EXISTS ${indexName('sla_check')} ON ${tickets} (sla_check_at) WHERE sla_check_at IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS ${indexName('sla_due')} ON ${tickets} (sla_due_at, id)`,
    `CREATE INDEX IF NOT EXISTS ${indexName('audit_entity')} ON ${audit} (entity_kind, entity_id, created_at DESC, id DESC)`,
  ];
  for (const type of types) {
    // "near me": a GiST index on the position finds the tickets in a bounding box (no extension needed)
    if (hasPosition(type.fields, (f) => kindOf(f.type))) statements.push(positionIndexStatement(indexName(type.key, 'position'), tickets, type.key));
    for (const field of type.fields) {
      const kind = kindOf(field.type);
      if (!kind?.indexed) continue;
      // (an enum filter matching a third of 1M tickets got a bitmap scan of all of them, 0.7 s, without)
      if (kind.statistics) {
        statements.push(`CREATE STATISTICS IF NOT EXISTS ${fieldStatisticsName(field.key, kind)} ON (${fieldExpression(field.key, kind)}) FROM ${tickets}`);
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
    const registry = getService(strapi, 'field-types').registry;
    for (const sql of ticketIndexStatements(tickets, audit, types, (name) => registry.get(name)?.valueKind)) await strapi.db.connection.raw(sql);
    await strapi.db.connection.raw(`
      CREATE OR REPLACE FUNCTION ticketing_audit_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$ LANGUAGE plpgsql;
      DROP TRIGGER IF EXISTS ticketing_audit_append_only ON ${audit};
      CREATE TRIGGER ticketing_audit_append_only BEFORE UPDATE OR DELETE ON ${audit}
        FOR EACH ROW EXECUTE FUNCTION ticketing_audit_append_only();
    `);
  },
});
