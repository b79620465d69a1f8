import type { Core } from '@strapi/strapi';
import { InvalidError, NotFoundError } from 'strapi-plugin-access';
import { TICKET_EVENTS } from '../events/ticket-events';
import { getService } from '../utils/get-service';
import { parseJsonColumn } from '../utils/json-column';
import type { WriteContext } from './tickets';

/** Longest note, in characters (code points) as people count them. */
export const NOTE_MAX_CHARS = 4000;
const NOTE_ACTION = 'note';

/** A note's text, checked: plain text with line breaks, not blank, at most NOTE_MAX_CHARS. */
function noteText(raw: unknown): string {
  if (typeof raw !== 'string') throw new InvalidError('data.text must be the note as text');
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!text) throw new InvalidError('data.text is empty');
  const length = [...text].length;
  if (length > NOTE_MAX_CHARS) throw new InvalidError(`A note holds at most ${NOTE_MAX_CHARS} characters; this one has ${length}`, { max: NOTE_MAX_CHARS, length });
  return text;
}

/**
 * Work notes: entries of the ticket's audit trail (action `note`), so they sit in its history
 * in order and, like the trail, can never be edited or removed — a correction is a new note.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  const ticketsTable = () => strapi.db.metadata.get('plugin::ticketing.ticket').tableName;
  const timestamps = () => strapi.plugin('access').service('timestamps') as { format(d: Date | string): string | null };

  const present = (r: { document_id: string; actor_kind: string; actor_id: string | null; actor_name: string | null; meta: unknown; created_at: Date | string }) => ({
    id: r.document_id,
    text: (parseJsonColumn(r.meta) as { text?: string } | null)?.text ?? '',
    author: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    createdAt: timestamps().format(r.created_at),
  });

  async function ticketRow(documentId: string) {
    const row = await strapi.db.connection(ticketsTable()).where({ document_id: documentId }).first();
    if (!row) throw new NotFoundError(`Ticket ${documentId} not found`);
    return row;
  }

  return {
    /** The ticket's notes, newest first, and their total; 404 for an unknown ticket. */
    async list(documentId: string, page: number, pageSize: number) {
      await ticketRow(documentId);
      const where = { entity_kind: 'ticket', entity_id: documentId, action: NOTE_ACTION };
      const db = strapi.db.connection;
      const [rows, [{ total }]] = await Promise.all([
        db(audit().table())
          .where(where)
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db(audit().table()).where(where).count({ total: '*' }),
      ]);
      return { notes: rows.map(present), total: Number(total) };
    },

    /** Adds a note by the caller; 404 for an unknown ticket, 400 for an empty or too long text. */
    async add(documentId: string, input: { text: unknown }, ctx: WriteContext) {
      const text = noteText(input.text);
      const row = await ticketRow(documentId);
      const [entry] = audit().rows([{ entityKind: 'ticket', entityId: documentId, action: NOTE_ACTION, actor: ctx.actor, diff: null, meta: { text }, requestId: ctx.requestId }]);
      await strapi.db.connection(audit().table()).insert(entry);
      const note = present({ ...entry, meta: { text } });
      await getService(strapi, 'ticket-events').emit(TICKET_EVENTS.noted, row, ctx.actor, { note: { id: note.id, text } });
      return note;
    },
  };
};
