import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TICKET_UID } from '../constants';
import { diffForms } from '../tickets/form-diff';
import { INITIAL_STATE, type TicketState } from '../tickets/workflow';
import type { Actor } from 'strapi-plugin-access';
import { newDocumentId } from '../utils/document-id';
import { getService } from '../utils/get-service';
import { unnestInsert, type UnnestColumn } from '../utils/unnest-insert';
import { copyField, copyInto, copyLine } from '../utils/copy-into';
import { FormValidator, type FormResult } from '../tickets/form-validator';
import { unknownPhotoErrors } from '../photos/form-photos';
import type { FormSource, Locale, ParseContext } from '../field-types';

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

// the order of `copyImported`'s fields
const IMPORTED_COLUMNS = [...TICKET_COLUMNS.map((c) => c.name), 'import_job', 'import_row'];
const IMPORT_SOURCE_INDEX = 'ticketing_tickets_import_source';

/** A validated row of an import for `importPreparer`: its row number in the source file and its form. */
export interface ImportedTicket {
  row: number;
  form: Record<string, unknown>;
}

/** Whose rows an import writes: its ticket type, its job and the actor it records. */
export interface ImportContext {
  type: string;
  typeVersion: number;
  job: string;
  actor: Actor;
}

/** A validated import row made ready to write: its ticket and its audit entry as COPY lines. */
export interface PreparedImport {
  ticket: Buffer;
  audit: Buffer;
}

/** A validated ticket for `insertMany`. */
export interface BulkTicket {
  type: string;
  typeVersion: number;
  form: Record<string, unknown>;
  state?: TicketState;
  createdAt?: Date;
}

/**
 * The bulk path for tickets: validated rows written with their audit entries in multi-row
 * statements (demo data) or with COPY (imports).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(TICKET_UID).tableName;
  const audit = () => getService(strapi, 'audit');
  const validator = new FormValidator(getService(strapi, 'field-types').registry);
  let sourceIndex: Promise<unknown> | undefined;
  // the unique (job, row) index that makes an import's inserts idempotent; created once per process
  const ensureSourceIndex = () =>
    (sourceIndex ??= strapi.db.connection
      .raw(`CREATE UNIQUE INDEX IF NOT EXISTS "${IMPORT_SOURCE_INDEX}" ON "${table()}" (import_job, import_row) WHERE import_job IS NOT NULL`)
      .catch((error) => {
        sourceIndex = undefined;
        throw error;
      }));

  return {
    /**
     * Checks a form for a new ticket exactly as `tickets.create` does (every value through its
     * type's parse, the whole form through the type's JSON Schema; a new ticket names no photos).
     */
    validateNew(input: unknown, source: FormSource & { version: number }, locale: Locale, ctx: ParseContext): FormResult {
      const result = validator.validate(input, source, locale, ctx);
      if (!result.ok) return result;
      const photoErrors = unknownPhotoErrors(result.form, source.fields, []);
      return photoErrors.length ? { ok: false, errors: photoErrors } : result;
    },

    /**
     * A writer of import job `job`'s rows: each validated row becomes its ticket and its
     * `import` audit entry as COPY lines as soon as it is checked, so a batch waiting for its
     * turn holds bytes, not forms, and `copyImported` only sends them.
     */
    importPreparer(ctx: ImportContext): (item: ImportedTicket) => PreparedImport {
      const fixed = [ctx.type, String(ctx.typeVersion), INITIAL_STATE].map(copyField);
      const creator = copyField(ctx.actor.userId);
      const job = copyField(ctx.job);
      const auditLog = audit();
      return (item) => {
        const documentId = newDocumentId();
        // one clock reading per row costs nothing; its text is made once per millisecond (pgTimestamp)
        const now = new Date();
        const stamp = copyField(now);
        const ticket = copyLine([documentId, ...fixed, copyField(JSON.stringify(item.form)), '1', creator, stamp, stamp, stamp, job, String(item.row)]);
        const entry = auditLog.copyLine(
          { entityKind: 'ticket', entityId: documentId, action: 'import', actor: ctx.actor, diff: diffForms(null, item.form), meta: { job: ctx.job, row: item.row } },
          now,
        );
        return { ticket, audit: entry };
      };
    },

    /**
     * Writes prepared rows (`importPreparer`) with their audit entries inside the caller's
     * transaction `trx`, with COPY. A (job, row) already written breaks the unique index and
     * fails the batch: a resumed job starts after `importedSoFar(job).lastRow`, so it never
     * writes a row twice.
     */
    async copyImported(trx: Knex.Transaction, items: PreparedImport[]): Promise<void> {
      if (!items.length) return;
      await ensureSourceIndex();
      await copyInto(trx, table(), IMPORTED_COLUMNS, items.map((item) => item.ticket));
      await audit().appendCopied(trx, items.map((item) => item.audit));
    },

    /** How far import job `job` got: the tickets it created and the last row they came from (0: none). */
    async importedSoFar(job: string): Promise<{ created: number; lastRow: number }> {
      const [row] = await strapi.db
        .connection(table())
        .where({ import_job: job })
        .select(strapi.db.connection.raw('count(*) AS created, coalesce(max(import_row), 0) AS last_row'));
      return { created: Number(row.created), lastRow: Number(row.last_row) };
    },

    /** The tickets import job `job` created, by row: what its report shows as created. */
    async importedBy(job: string): Promise<{ row: number; documentId: string; form: Record<string, unknown> }[]> {
      const rows = await strapi.db
        .connection(table())
        .select('import_row', 'document_id', 'form_data')
        .where({ import_job: job })
        .orderBy('import_row');
      return rows.map((r: { import_row: number; document_id: string; form_data: unknown }) => ({
        row: r.import_row,
        documentId: r.document_id,
        form: (typeof r.form_data === 'string' ? JSON.parse(r.form_data) : r.form_data) as Record<string, unknown>,
      }));
    },

    /**
     * Inserts already-validated tickets with multi-row statements, each with its audit
     * entry, in one transaction: the bulk path (demo data, imports) — an insert per row
     * is 40–75× slower (docs/performance.md).
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
