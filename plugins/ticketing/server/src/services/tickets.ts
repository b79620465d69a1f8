import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../utils/document-id';
import { prepared } from '../utils/prepared-statement';
import { onePlanFits } from '../tickets/generic-plan';
import { fieldStatisticsName } from './ticket-indexes';
import { TICKET_UID } from '../constants';
import { accessService, ConflictError, InvalidError, MissingRightError, NotFoundError, type Actor } from 'strapi-plugin-access';
import { FormValidator, type FormResult } from '../tickets/form-validator';
import { diffForms } from '../tickets/form-diff';
import { buildListCount, buildListQueries, buildListRows } from '../tickets/list-sql';
import { nearWindow } from '../tickets/near-window';
import { ListQueryError, parseListQuery } from '../tickets/list-query';
import { INITIAL_STATE, isLegalMove, transitionRight, type TicketState } from '../tickets/workflow';
import { canReadField, type FieldDefinition, type Locale } from '../field-types';
import { withoutKeys } from './field-access';
import type { TicketingConfig } from '../config';
import { getService } from '../utils/get-service';
import { parseJsonColumn } from '../utils/json-column';
import { writeContext } from '../utils/request';
import { unknownPhotoErrors } from '../photos/form-photos';
import { photosOf, type StoredPhoto } from '../photos/stored-photo';
import type { TicketRow } from '../tickets/ticket-row';
import { TICKET_EVENTS } from '../events/ticket-events';

/** A ticket's SLA as the API shows it, by ticket id (null: its type has none). */
type SlaOf = (documentId: string) => unknown;

/** A ticket row, with its creator's and assignee's names where a query joined them. */
type Row = TicketRow & { creator_name?: string | null; assignee_name?: string | null };

const photoIds = (row: { photos?: unknown }) => photosOf(row).map((p) => p.id);

/** What every write needs besides its data. */
export interface WriteContext {
  actor: Actor;
  locale: Locale;
  requestId?: string | null;
}

/** A ticket as an export reads it: the stored form and photo objects, the creator's name. */
export interface ListedTicket {
  documentId: string;
  type: string;
  typeVersion: number;
  status: TicketState;
  form: Record<string, unknown>;
  photos: StoredPhoto[];
  creator: { id: number; username: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** Rows a streamed list fetches per round trip: enough to keep the writer busy, few enough to stay small. */
const STREAM_BATCH = 250;
// what `listedRows` reads, not `*`: with every column an export parsed five timestamps a row and used two
const LISTED_COLUMNS = ['document_id', 'type_key', 'type_version', 'state', 'form_data', 'photos', 'creator_id', 'created_at', 'updated_at'] as const;
/** What a list page presents (`present`, its SLA clocks): a page reads no more. */
const PAGE_COLUMNS = [...LISTED_COLUMNS, 'version', 'assignee_id'] as const;

/** Tickets: validated, versioned, state-machined and audited writes; filtered lists. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const validator = new FormValidator(getService(strapi, 'field-types').registry);
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const usersTable = () => strapi.db.metadata.get('plugin::users-permissions.user').tableName;
  const config = () => strapi.config.get('plugin::ticketing') as TicketingConfig;
  const audit = () => getService(strapi, 'audit');
  const workflow = () => getService(strapi, 'workflow');
  const ticketTypes = () => getService(strapi, 'ticket-types');
  const fieldAccess = () => getService(strapi, 'field-access');
  const events = () => getService(strapi, 'ticket-events');
  const sla = () => getService(strapi, 'sla');

  const timestamps = () => accessService(strapi, 'timestamps');

  /** A ticket as `actor` may see it: `hidden` are the fields its role may not read. */
  function present(row: Omit<Row, 'id'>, actor: Actor, hidden: ReadonlySet<string>, slaOf: SlaOf = () => null) {
    return {
      documentId: row.document_id,
      type: row.type_key,
      typeVersion: row.type_version,
      status: row.state,
      form: withoutKeys(parseJsonColumn(row.form_data) as Record<string, unknown>, hidden),
      version: row.version,
      photos: photoIds(row),
      creator: row.creator_id ? { id: row.creator_id, username: row.creator_name ?? null } : null,
      assignee: row.assignee_id ? { id: row.assignee_id, username: row.assignee_name ?? null } : null,
      createdAt: timestamps().format(row.created_at),
      updatedAt: timestamps().format(row.updated_at),
      allowedTransitions: workflow().allowed(row.state, actor.role),
      sla: slaOf(row.document_id),
    };
  }

  const parseContext = () => getService(strapi, 'field-types').parseContext();

  /**
   * The form of a passing check; a 400 listing every failing field otherwise. Images fields
   * may only name photos already in the ticket's list (`photoIds`).
   */
  function checked(result: FormResult, fields: FieldDefinition[], photoIds: string[], locale: Locale) {
    const errors = result.ok ? unknownPhotoErrors(result.form, fields, photoIds) : result.errors;
    if (!result.ok || errors.length) {
      const list = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      throw new InvalidError(locale === 'en' ? `Invalid form: ${list}` : `表单有误：${list}`, { errors });
    }
    return { form: result.form };
  }

  /** Locks the ticket row for the rest of `trx`; 404 when it does not exist. */
  async function lock(trx: Knex.Transaction, documentId: string): Promise<Row> {
    const row = await trx(table()).where({ document_id: documentId }).forUpdate().first();
    if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
    return row;
  }

  async function assertVersion(row: Row, version: unknown, actor: Actor) {
    if (row.version !== version) {
      const hidden = await fieldAccess().unreadable(row.type_key, actor.role);
      throw new ConflictError(`Ticket ${row.document_id} is at version ${row.version}, not ${String(version)}`, {
        version: row.version,
        form: withoutKeys(parseJsonColumn(row.form_data) as Record<string, unknown>, hidden),
        status: row.state,
        allowedTransitions: workflow().allowed(row.state, actor.role),
      });
    }
  }

  const withCreator = (documentId: string) =>
    strapi.db
      .connection(`${table()} as t`)
      .leftJoin(`${usersTable()} as u`, 'u.id', 't.creator_id')
      .leftJoin(`${usersTable()} as a`, 'a.id', 't.assignee_id')
      .select('t.*', 'u.username as creator_name', 'a.username as assignee_name')
      .where('t.document_id', documentId)
      .first();

  return {
    /** Who writes and in which language, from a request (for other plugins' controllers). */
    writeContext,

    /** Locks the ticket for the rest of `trx` after checking the version the caller read: 404, 409 otherwise. */
    async lockAt(trx: Knex.Transaction, documentId: string, version: unknown, actor: Actor): Promise<Row> {
      const row = await lock(trx, documentId);
      await assertVersion(row, version, actor);
      return row;
    },

    /** Creates a ticket in `draft` from a form valid for the type's current version. */
    async create(input: { type: unknown; form: unknown }, ctx: WriteContext) {
      if (typeof input.type !== 'string') throw new InvalidError('data.type must be a ticket type key');
      const definition = await ticketTypes()
        .definition(input.type)
        .catch((error) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        });
      if (!definition?.active) throw new InvalidError(`Unknown ticket type "${input.type}"`);
      const result = validator.validate(input.form, definition, ctx.locale, parseContext());
      // a new ticket has no photos yet: they are uploaded to it, then chosen in the form
      const { form } = checked(result, definition.fields, [], ctx.locale);
      const unwritable = await fieldAccess().unwritable(definition.key, ctx.actor.role);
      fieldAccess().assertUnchanged({}, form, unwritable, definition.fields, ctx.locale);
      const now = new Date();
      const row = {
        document_id: newDocumentId(),
        type_key: definition.key,
        type_version: definition.version,
        state: INITIAL_STATE,
        form_data: JSON.stringify(form),
        version: 1,
        creator_id: ctx.actor.userId,
        created_at: now,
        updated_at: now,
        published_at: now,
      };
      // one statement (atomic on its own): the ticket in a CTE, its audit entry in the outer insert
      const db = strapi.db.connection;
      const entry = {
        entityKind: 'ticket',
        entityId: row.document_id,
        action: 'create',
        actor: ctx.actor,
        diff: diffForms(null, form),
        requestId: ctx.requestId,
      };
      await db
        .with('ticket', db(table()).insert(row))
        .insert(audit().rows([entry], now))
        .into(audit().table());
      // answered from what was written: reading it back would cost a round trip per create
      await events().emit(TICKET_EVENTS.created, { ...row, form_data: form, creator_id: ctx.actor.userId, assignee_id: null }, ctx.actor);
      const hidden = await fieldAccess().unreadable(definition.key, ctx.actor.role);
      return present({ ...row, form_data: form, creator_name: ctx.actor.kind === 'user' ? ctx.actor.name : null }, ctx.actor, hidden);
    },

    async findOne(documentId: string, actor: Actor) {
      const row = await withCreator(documentId);
      if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
      const [hidden, slas] = await Promise.all([fieldAccess().unreadable(row.type_key, actor.role), sla().forRows([row])]);
      return present(row, actor, hidden, (id) => slas.get(id) ?? null);
    },

    /**
     * Replaces the form, validated against the ticket's own type version; 409 on a stale version.
     * `as` names the audit action and its meta when the change comes from elsewhere (OCR).
     */
    async update(
      documentId: string,
      input: { form: unknown; version: unknown },
      ctx: WriteContext,
      as: { action: string; meta?: Record<string, unknown> } = { action: 'update' },
    ) {
      const written = await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        await assertVersion(row, input.version, ctx.actor);
        const definition = await ticketTypes().definition(row.type_key, row.type_version);
        const stored = parseJsonColumn(row.form_data) as Record<string, unknown>;
        const unwritable = await fieldAccess().unwritable(row.type_key, ctx.actor.role);
        const start = fieldAccess().carryUnwritable(input.form, stored, unwritable);
        const result = validator.validate(start, definition, ctx.locale, parseContext());
        const { form } = checked(result, definition.fields, photoIds(row), ctx.locale);
        fieldAccess().assertUnchanged(stored, form, unwritable, definition.fields, ctx.locale);
        const diff = diffForms(stored, form);
        await trx(table())
          .where({ id: row.id })
          .update({ form_data: JSON.stringify(form), version: row.version + 1, updated_at: new Date() });
        await audit().append(trx, [
          { entityKind: 'ticket', entityId: documentId, action: as.action, actor: ctx.actor, diff, meta: as.meta, requestId: ctx.requestId },
        ]);
        const changed = Object.keys(diff ?? {});
        const by = sla().pickedBy(row.type_key);
        const crossings = by && changed.includes(by) ? await sla().refreshLocked(trx, documentId) : [];
        return { row: { ...row, form_data: form, version: row.version + 1 }, changed, crossings };
      });
      await events().emit(TICKET_EVENTS.updated, written.row, ctx.actor, { changed: written.changed });
      await sla().announce(written.crossings);
      return this.findOne(documentId, ctx.actor);
    },

    /** Moves the ticket along the state machine, if the caller's role may make that move. */
    async transition(documentId: string, input: { to: unknown; version: unknown }, ctx: WriteContext) {
      const moved = await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        await assertVersion(row, input.version, ctx.actor);
        const from = row.state as TicketState;
        const allowed = workflow().allowed(from, ctx.actor.role);
        const to = input.to as TicketState;
        if (typeof input.to !== 'string' || !isLegalMove(from, to)) {
          throw new ConflictError(`A ticket in ${from} cannot move to ${String(input.to)}`, {
            status: from,
            version: row.version,
            allowedTransitions: allowed,
          });
        }
        if (!allowed.includes(to)) {
          throw new MissingRightError(transitionRight(from, to));
        }
        // a submitted ticket nobody holds may go to someone by the type's rules (config/assignment.yaml)
        const picked = to === 'submitted' && !row.assignee_id ? await getService(strapi, 'auto-assign').pick(trx, row) : null;
        await trx(table())
          .where({ id: row.id })
          .update({ state: to, version: row.version + 1, updated_at: new Date(), ...(picked ? { assignee_id: picked.id } : {}) });
        await audit().append(trx, [
          {
            entityKind: 'ticket',
            entityId: documentId,
            action: 'transition',
            actor: ctx.actor,
            diff: { status: [from, to] },
            requestId: ctx.requestId,
          },
          ...(picked
            ? [{ entityKind: 'ticket', entityId: documentId, action: 'assign', actor: ctx.actor, diff: { assignee: [null, picked.id] as [unknown, unknown] }, meta: { from: null, to: picked.username, rule: picked.rule }, requestId: ctx.requestId }]
            : []),
        ]);
        const crossings = await sla().refreshLocked(trx, documentId);
        return { row: { ...row, state: to, version: row.version + 1, assignee_id: picked?.id ?? row.assignee_id }, from, to, crossings, picked };
      });
      await events().emit(TICKET_EVENTS.transitioned, moved.row, ctx.actor, { from: moved.from, to: moved.to });
      if (moved.picked) await events().emit(TICKET_EVENTS.assigned, moved.row, ctx.actor, { from: null, to: moved.picked.id });
      await sla().announce(moved.crossings);
      return this.findOne(documentId, ctx.actor);
    },

    /** Deletes the ticket; its audit trail stays, ending with the delete and the last form. */
    async delete(documentId: string, ctx: WriteContext) {
      let photos: ReturnType<typeof photosOf> = [];
      const deleted = await strapi.db.connection.transaction(async (trx) => {
        const row = await lock(trx, documentId);
        // read once the row is locked, so the answer is what is deleted
        const before = await this.findOne(documentId, ctx.actor);
        photos = photosOf(row);
        await trx(table()).where({ id: row.id }).delete();
        await audit().append(trx, [
          {
            entityKind: 'ticket',
            entityId: documentId,
            action: 'delete',
            actor: ctx.actor,
            diff: diffForms(parseJsonColumn(row.form_data), null),
            meta: { type: row.type_key, status: row.state, version: row.version },
            requestId: ctx.requestId,
          },
        ]);
        return before;
      });
      // objects go once the rows are gone: a failed commit must not lose a ticket's photos
      await getService(strapi, 'photos').removeObjects(photos);
      return deleted;
    },

    /**
     * A list query string, checked: a 400 naming the parameter otherwise, and for a filter or
     * sort on a field `role` may not read (it would tell the values apart).
     */
    async parseList(query: Record<string, unknown>, role: string | null = null, userId: number | null = null) {
      const types = new Map((await ticketTypes().listAllCached()).map((t) => [t.key, t]));
      try {
        return parseListQuery(query, {
          knownType: (key) => types.has(key),
          typeKeys: () => [...types.keys()],
          fieldsOf: (key) => new Map((types.get(key)?.fields ?? []).map((f: FieldDefinition) => [f.key, f])),
          mayRead: (field) => canReadField(field, role),
          userId,
          typeOf: (name) => getService(strapi, 'field-types').get(name),
          parseContext: getService(strapi, 'field-types').parseContext(),
        });
      } catch (error) {
        if (error instanceof ListQueryError) throw new InvalidError(error.message);
        throw error;
      }
    },

    /**
     * The page and count queries a list request runs (also what tests EXPLAIN); 400 on a bad
     * query. Where one plan fits every value of the filters they are prepared statements:
     * planning the page query (the table's many partial indexes and statistics) took longer than running it.
     */
    async listQueries(query: Record<string, unknown>, role: string | null = null, userId: number | null = null) {
      const parsed = await this.parseList(query, role, userId);
      if (parsed.near && parsed.near.radius === undefined) parsed.near.within = await nearWindow(strapi.db.connection, table(), parsed);
      const { rows, count } = buildListQueries(strapi.db.connection, table(), parsed, config().countLimit, PAGE_COLUMNS);
      const statistics = getService(strapi, 'field-statistics');
      const reusable = onePlanFits(parsed, (f) => (f.kind.statistics ? statistics.distinctValues(fieldStatisticsName(f.field.key, f.kind)) : undefined));
      return reusable ? { parsed, rows: prepared(rows), count: prepared(count) } : { parsed, rows, count };
    },

    /** How many tickets a list query matches, exactly (`page`/`pageSize` are ignored). */
    async countList(query: Record<string, unknown>, role: string | null = null): Promise<number> {
      const parsed = await this.parseList(query, role);
      const [{ total }] = (await buildListCount(strapi.db.connection, table(), parsed)) as unknown as { total: string }[];
      return Number(total);
    },

    /** Stored rows as an export reads them, with their creators' names; `role` leaves out what it may not read. */
    async listedRows(rows: Row[], role: string | null = null, knownNames = new Map<number, string | null>()): Promise<ListedTicket[]> {
      const [names, hidden] = await Promise.all([
        this.usernamesVia(knownNames, rows.map((r) => r.creator_id)),
        fieldAccess().unreadableByType(rows.map((r) => r.type_key), role),
      ]);
      return rows.map((r) => ({
        documentId: r.document_id,
        type: r.type_key,
        typeVersion: r.type_version,
        status: r.state,
        form: withoutKeys(parseJsonColumn(r.form_data) as Record<string, unknown>, hidden.get(r.type_key) ?? new Set()),
        photos: photosOf(r),
        creator: r.creator_id ? { id: r.creator_id, username: names.get(r.creator_id) ?? null } : null,
        // both columns are NOT NULL: the formatter's null is for absent values only
        createdAt: timestamps().format(r.created_at) as string,
        updatedAt: timestamps().format(r.updated_at) as string,
      }));
    },

    /** One ticket as an export reads it; 404 when it does not exist. */
    async listedOne(documentId: string, role: string | null = null): Promise<ListedTicket> {
      const row = await strapi.db.connection(table()).where({ document_id: documentId }).first();
      if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
      return (await this.listedRows([row], role))[0];
    },

    /**
     * Every ticket a list query matches, in the list's order, a batch at a time: a server-side
     * cursor over the list's own WHERE and ORDER BY (no OFFSET, never every row in memory), in
     * one read-only REPEATABLE READ transaction so the rows are one snapshot however long the
     * reader takes; `onCount` is told how many there are in that same snapshot before the first
     * batch. `page`/`pageSize` are ignored. Leaving the loop early closes the cursor.
     */
    async *streamList(
      query: Record<string, unknown>,
      options: { batchSize?: number; onCount?: (total: number) => void | Promise<void>; role?: string | null } = {},
    ): AsyncGenerator<ListedTicket[]> {
      const batchSize = Math.max(1, Math.floor(options.batchSize ?? STREAM_BATCH));
      // an export's thousands of batches share a few creators: each name is read once
      const knownNames = new Map<number, string | null>();
      const role = options.role ?? null;
      const parsed = await this.parseList(query, role);
      const db = strapi.db.connection;
      const { sql, bindings } = buildListRows(db, table(), parsed, LISTED_COLUMNS).toSQL();
      const trx = await db.transaction({ isolationLevel: 'repeatable read', readOnly: true });
      try {
        if (options.onCount) {
          const [{ total }] = (await buildListCount(db, table(), parsed).transacting(trx)) as unknown as { total: string }[];
          await options.onCount(Number(total));
        }
        await trx.raw(`DECLARE listed_tickets NO SCROLL CURSOR FOR ${sql}`, bindings);
        const fetchBatch = () => trx.raw(`FETCH ${batchSize} FROM listed_tickets`).then((r: { rows: Row[] }) => r.rows);
        // the next batch is fetched while the caller works on this one: PostgreSQL and node overlap
        let next: Promise<Row[]> | undefined = fetchBatch();
        while (next) {
          const rows: Row[] = await next;
          next = rows.length === batchSize ? fetchBatch() : undefined;
          // a caller that stops early leaves the prefetch to fail with the closed transaction
          next?.catch(() => undefined);
          if (rows.length) yield await this.listedRows(rows, role, knownNames);
        }
      } finally {
        // read-only: commit and rollback alike just end the snapshot (a rollback would reject the trx promise)
        await trx.commit().catch(() => undefined);
      }
    },

    /** A page of tickets with the total. */
    async list(query: Record<string, unknown>, actor: Actor) {
      const { parsed, rows, count } = await this.listQueries(query, actor.role, actor.userId);
      const [read, counts] = await Promise.all([rows, count as unknown as Promise<{ total: string }[]>]);
      // parsed once here: the SLA clocks and `present` both read the form
      const page = read.map((r: Row & { distance_m?: number }) => ({ ...r, form_data: parseJsonColumn(r.form_data) }));
      const [creators, hidden, slas] = await Promise.all([
        this.usernames(page.flatMap((r: Row) => [r.creator_id, r.assignee_id ?? null])),
        fieldAccess().unreadableByType(page.map((r: Row) => r.type_key), actor.role),
        sla().forRows(page),
      ]);
      const counted = Number(counts[0].total);
      const limit = config().countLimit;
      const capped = limit > 0 && counted > limit;
      const totalCount = capped ? limit : counted;
      return {
        data: page.map((r: Row) =>
          present(
            {
              ...r,
              creator_name: r.creator_id === null ? null : creators.get(r.creator_id),
              assignee_name: r.assignee_id ? creators.get(r.assignee_id) : null,
            },
            actor,
            hidden.get(r.type_key) ?? new Set(),
            (id) => slas.get(id) ?? null,
          ),
        ).map((ticket, i) => (parsed.near ? { ...ticket, distance: Math.round(Number(page[i].distance_m)) } : ticket)),
        pagination: {
          page: parsed.page,
          pageSize: parsed.pageSize,
          pageCount: Math.ceil(totalCount / parsed.pageSize),
          total: totalCount,
          ...(capped ? { totalIsLowerBound: true } : {}),
        },
      };
    },

    async usernames(ids: (number | null)[]): Promise<Map<number, string>> {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (!wanted.length) return new Map();
      const users = await strapi.db.connection(usersTable()).whereIn('id', wanted).select('id', 'username');
      return new Map(users.map((u: { id: number; username: string }) => [u.id, u.username]));
    },

    /** `usernames`, remembering in `known` what it read (and what it did not find) for the next call. */
    async usernamesVia(known: Map<number, string | null>, ids: (number | null)[]): Promise<Map<number, string | null>> {
      const missing = [...new Set(ids)].filter((id): id is number => id !== null && !known.has(id));
      if (missing.length) {
        const found = await this.usernames(missing);
        for (const id of missing) known.set(id, found.get(id) ?? null);
      }
      return known;
    },

    /** The ticket's audit entries, newest first, without the fields `actor` may not read. */
    async history(documentId: string, page: number, pageSize: number, actor: Actor) {
      const [result, typeKey] = await Promise.all([audit().history('ticket', documentId, page, pageSize), this.typeOfTicket(documentId)]);
      const hidden = typeKey === null ? await fieldAccess().unreadableByAnyType(actor.role) : await fieldAccess().unreadable(typeKey, actor.role);
      return { ...result, entries: result.entries.map((e) => fieldAccess().redactEntry(e, hidden)) };
    },

    /** The type of a ticket, or of a deleted one by its last audit entry; null when neither says. */
    async typeOfTicket(documentId: string): Promise<string | null> {
      const row = await strapi.db.connection(table()).where({ document_id: documentId }).first('type_key');
      if (row) return row.type_key;
      const deleted = await audit().lastMeta('ticket', documentId, 'delete');
      return typeof deleted?.type === 'string' ? deleted.type : null;
    },
  };
};
