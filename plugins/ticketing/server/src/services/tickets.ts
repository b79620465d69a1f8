import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../utils/document-id';
import { TICKET_UID } from '../constants';
import { conflictError, missingRightError, NotFoundError, ValidationError } from '../errors';
import { FormValidator } from '../tickets/form-validator';
import { diffForms } from '../tickets/form-diff';
import { buildListQueries } from '../tickets/list-sql';
import { ListQueryError, parseListQuery } from '../tickets/list-query';
import { INITIAL_STATE, isLegalMove, transitionRight, type TicketState } from '../tickets/workflow';
import type { Actor } from '../tickets/actor';
import type { FieldDefinition, Locale } from '../field-types';
import type { TicketingConfig } from '../config';
import { formatTimestamp } from '../utils/timestamps';
import { getService } from '../utils/get-service';
import { unnestInsert, type UnnestColumn } from '../utils/unnest-insert';

type Row = Record<string, any>;

/** What every write needs besides its data. */
export interface WriteContext {
  actor: Actor;
  locale: Locale;
  requestId?: string | null;
}

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
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

/** Tickets: validated, versioned, state-machined and audited writes; filtered lists. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = { require: (name: string) => getService(strapi, 'field-types').get(name)! };
  const validator = new FormValidator(registry as never);
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const usersTable = () => strapi.db.metadata.get('plugin::users-permissions.user').tableName;
  const config = () => strapi.config.get('plugin::ticketing') as TicketingConfig;
  const audit = () => getService(strapi, 'audit');
  const workflow = () => getService(strapi, 'workflow');
  const ticketTypes = () => getService(strapi, 'ticket-types');

  function present(row: Row, actor: Actor) {
    const tz = config().timeZone;
    return {
      documentId: row.document_id,
      type: row.type_key,
      typeVersion: row.type_version,
      status: row.state,
      form: parseJson(row.form_data),
      version: row.version,
      creator: row.creator_id ? { id: row.creator_id, username: row.creator_name ?? null } : null,
      assignee: row.assignee_id ? { id: row.assignee_id } : null,
      createdAt: formatTimestamp(row.created_at, tz),
      updatedAt: formatTimestamp(row.updated_at, tz),
      allowedTransitions: workflow().allowed(row.state, actor.role),
    };
  }

  async function validForm(input: unknown, typeKey: string, version: number | undefined, locale: Locale) {
    const definition = await ticketTypes().definition(typeKey, version);
    const result = validator.validate(input, definition, locale, getService(strapi, 'field-types').parseContext());
    if (!result.ok) {
      const list = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      throw new ValidationError(locale === 'en' ? `Invalid form: ${list}` : `表单有误：${list}`, { errors: result.errors });
    }
    return { form: result.form, version: definition.version };
  }

  /** Locks the ticket row for the rest of `trx`; 404 when it does not exist. */
  async function lock(trx: Knex.Transaction, documentId: string): Promise<Row> {
    const row = await trx(table()).where({ document_id: documentId }).forUpdate().first();
    if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
    return row;
  }

  function assertVersion(row: Row, version: unknown, actor: Actor) {
    if (row.version !== version) {
      throw conflictError(`Ticket ${row.document_id} is at version ${row.version}, not ${String(version)}`, {
        version: row.version,
        form: parseJson(row.form_data),
        status: row.state,
        allowedTransitions: workflow().allowed(row.state, actor.role),
      });
    }
  }

  const withCreator = (documentId: string) =>
    strapi.db
      .connection(`${table()} as t`)
      .leftJoin(`${usersTable()} as u`, 'u.id', 't.creator_id')
      .select('t.*', 'u.username as creator_name')
      .where('t.document_id', documentId)
      .first();

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

    /** Creates a ticket in `draft` from a form valid for the type's current version. */
    async create(input: { type: unknown; form: unknown }, ctx: WriteContext) {
      if (typeof input.type !== 'string') throw new ValidationError('data.type must be a ticket type key');
      const type = await ticketTypes().findByKey(input.type);
      if (!type || !type.active) throw new ValidationError(`Unknown ticket type "${input.type}"`);
      const { form, version } = await validForm(input.form, type.key, undefined, ctx.locale);
      const now = new Date();
      const documentId = newDocumentId();
      await strapi.db.connection.transaction(async (trx) => {
        await trx(table()).insert({
          document_id: documentId,
          type_key: type.key,
          type_version: version,
          state: INITIAL_STATE,
          form_data: JSON.stringify(form),
          version: 1,
          creator_id: ctx.actor.userId,
          created_at: now,
          updated_at: now,
          published_at: now,
        });
        await audit().append(trx, [
          { entityKind: 'ticket', entityId: documentId, action: 'create', actor: ctx.actor, diff: diffForms(null, form), requestId: ctx.requestId },
        ]);
      });
      return this.findOne(documentId, ctx.actor);
    },

    async findOne(documentId: string, actor: Actor) {
      const row = await withCreator(documentId);
      if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
      return present(row, actor);
    },

    /** Replaces the form, validated against the ticket's own type version; 409 on a stale version. */
    async update(documentId: string, input: { form: unknown; version: unknown }, ctx: WriteContext) {
      await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        assertVersion(row, input.version, ctx.actor);
        const { form } = await validForm(input.form, row.type_key, row.type_version, ctx.locale);
        const diff = diffForms(parseJson(row.form_data), form);
        await trx(table())
          .where({ id: row.id })
          .update({ form_data: JSON.stringify(form), version: row.version + 1, updated_at: new Date() });
        await audit().append(trx, [
          { entityKind: 'ticket', entityId: documentId, action: 'update', actor: ctx.actor, diff, requestId: ctx.requestId },
        ]);
      });
      return this.findOne(documentId, ctx.actor);
    },

    /** Moves the ticket along the state machine, if the caller's role may make that move. */
    async transition(documentId: string, input: { to: unknown; version: unknown }, ctx: WriteContext) {
      await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        assertVersion(row, input.version, ctx.actor);
        const from = row.state as TicketState;
        const allowed = workflow().allowed(from, ctx.actor.role);
        const to = input.to as TicketState;
        if (typeof input.to !== 'string' || !isLegalMove(from, to)) {
          throw conflictError(`A ticket in ${from} cannot move to ${String(input.to)}`, {
            status: from,
            version: row.version,
            allowedTransitions: allowed,
          });
        }
        if (!allowed.includes(to)) {
          throw missingRightError(transitionRight(from, to));
        }
        await trx(table()).where({ id: row.id }).update({ state: to, version: row.version + 1, updated_at: new Date() });
        await audit().append(trx, [
          { entityKind: 'ticket', entityId: documentId, action: 'transition', actor: ctx.actor, diff: { status: [from, to] }, requestId: ctx.requestId },
        ]);
      });
      return this.findOne(documentId, ctx.actor);
    },

    /** Deletes the ticket; its audit trail stays, ending with the delete and the last form. */
    async delete(documentId: string, ctx: WriteContext) {
      const before = await this.findOne(documentId, ctx.actor);
      await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        await trx(table()).where({ id: row.id }).delete();
        await audit().append(trx, [
          {
            entityKind: 'ticket',
            entityId: documentId,
            action: 'delete',
            actor: ctx.actor,
            diff: diffForms(parseJson(row.form_data), null),
            meta: { type: row.type_key, status: row.state, version: row.version },
            requestId: ctx.requestId,
          },
        ]);
      });
      return before;
    },

    /** The page and count queries a list request runs (also what tests EXPLAIN); 400 on a bad query. */
    async listQueries(query: Record<string, unknown>) {
      const types = new Map((await ticketTypes().listAll()).map((t) => [t.key, t]));
      let parsed;
      try {
        parsed = parseListQuery(query, {
          knownType: (key) => types.has(key),
          fieldsOf: (key) => new Map((types.get(key)?.fields ?? []).map((f: FieldDefinition) => [f.key, f])),
          typeOf: (name) => getService(strapi, 'field-types').get(name),
          parseContext: getService(strapi, 'field-types').parseContext(),
        });
      } catch (error) {
        if (error instanceof ListQueryError) throw new ValidationError(error.message);
        throw error;
      }
      return { parsed, ...buildListQueries(strapi.db.connection, table(), parsed) };
    },

    /** A page of tickets with the total. */
    async list(query: Record<string, unknown>, actor: Actor) {
      const { parsed, rows, count } = await this.listQueries(query);
      const [page, [{ total }]] = await Promise.all([rows, count]);
      const creators = await this.usernames(page.map((r: Row) => r.creator_id));
      const totalCount = Number(total);
      return {
        data: page.map((r: Row) => present({ ...r, creator_name: creators.get(r.creator_id) }, actor)),
        pagination: {
          page: parsed.page,
          pageSize: parsed.pageSize,
          pageCount: Math.ceil(totalCount / parsed.pageSize),
          total: totalCount,
        },
      };
    },

    async usernames(ids: (number | null)[]): Promise<Map<number, string>> {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (!wanted.length) return new Map();
      const users = await strapi.db.connection(usersTable()).whereIn('id', wanted).select('id', 'username');
      return new Map(users.map((u: Row) => [u.id, u.username]));
    },

    /** The ticket's audit entries, newest first. */
    async history(documentId: string, page: number, pageSize: number) {
      return audit().history('ticket', documentId, page, pageSize);
    },
  };
};
