import type { Core } from '@strapi/strapi';
import { TICKET_UID } from '../constants';
import { diffForms } from '../tickets/form-diff';
import { INITIAL_STATE, type TicketState } from '../tickets/workflow';
import type { Actor } from 'strapi-plugin-access';
import { newDocumentId } from '../utils/document-id';
import { getService } from '../utils/get-service';
import { unnestInsert, type UnnestColumn } from '../utils/unnest-insert';
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

const IMPORTED_COLUMNS: UnnestColumn[] = [...TICKET_COLUMNS, { name: 'import_job', type: 'text' }, { name: 'import_row', type: 'integer' }];
const IMPORT_SOURCE_INDEX = 'ticketing_tickets_import_source';

/** A validated row of an import for `insertImported`: its row number in the source file and its form. */
export interface ImportedTicket {
  row: number;
  form: Record<string, unknown>;
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
 * The bulk path for tickets (demo data, imports): validated rows written with their audit
 * entries in multi-row statements.
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
     * Inserts validated rows of import job `job`, each with an `import` audit entry, in one
     * transaction. Idempotent per (job, row): a row already inserted by an earlier attempt is
     * left alone and gets no second audit entry. Returns the rows inserted now with their tickets.
     */
    async insertImported(
      items: ImportedTicket[],
      ctx: { type: string; typeVersion: number; job: string; actor: Actor },
    ): Promise<{ row: number; documentId: string }[]> {
      if (!items.length) return [];
      await ensureSourceIndex();
      const now = new Date();
      const rows = items.map((item) => ({
        document_id: newDocumentId(),
        type_key: ctx.type,
        type_version: ctx.typeVersion,
        state: INITIAL_STATE,
        form_data: JSON.stringify(item.form),
        version: 1,
        creator_id: ctx.actor.userId,
        created_at: now,
        updated_at: now,
        published_at: now,
        import_job: ctx.job,
        import_row: item.row,
      }));
      const byRow = new Map(items.map((item) => [item.row, item]));
      return strapi.db.connection.transaction(async (trx) => {
        const names = IMPORTED_COLUMNS.map((c) => `"${c.name}"`).join(', ');
        const arrays = IMPORTED_COLUMNS.map((c) => `?::${c.type}[]`).join(', ');
        const inserted = await trx.raw(
          `INSERT INTO "${table()}" (${names}) SELECT * FROM unnest(${arrays})
           ON CONFLICT (import_job, import_row) WHERE import_job IS NOT NULL DO NOTHING
           RETURNING document_id, import_row`,
          IMPORTED_COLUMNS.map((c) => rows.map((r) => (r as Record<string, unknown>)[c.name] ?? null)) as never[],
        );
        const created = (inserted.rows as { document_id: string; import_row: number }[]).map((r) => ({
          row: r.import_row,
          documentId: r.document_id,
        }));
        await audit().append(
          trx,
          created.map(({ row, documentId }) => ({
            entityKind: 'ticket',
            entityId: documentId,
            action: 'import',
            actor: ctx.actor,
            diff: diffForms(null, byRow.get(row)?.form ?? null),
            meta: { job: ctx.job, row },
          })),
        );
        return created;
      });
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
