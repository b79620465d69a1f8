import type { Core } from '@strapi/strapi';
import { accessService, InvalidError, NotFoundError, pageParams, pagination } from 'strapi-plugin-access';
import { DELIVERY_UID, NOTIFICATION_UID } from '../constants';
import { INBOX_NOTE_MAX } from '../delivery/notification-content';
import type { NotificationContent } from '../messages/email';
import { newDocumentId, parseJson, tableOf } from '../utils/get-service';
import type { DeliveryRow } from './deliveries';

interface NotificationRow {
  document_id: string;
  kind: string;
  ticket_id: string;
  ticket_title: string | null;
  ticket_type: string | null;
  ticket_status: string | null;
  params: unknown;
  read_at: Date | null;
  created_at: Date;
}

/** `?unread=true|false`; anything else is a 400. */
function unreadFilter(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InvalidError(`unread must be true or false, got "${String(value)}"`);
}

/** Users' in-app notifications: each user reads and marks only their own. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(tableOf(strapi, NOTIFICATION_UID));
  const time = (value: Date | null) => accessService(strapi, 'timestamps').format(value);
  const unreadCount = async (userId: number) => Number((await table().where({ user_id: userId }).whereNull('read_at').count({ n: '*' }))[0].n);

  const present = (row: NotificationRow) => ({
    id: row.document_id,
    kind: row.kind,
    ticket: { id: row.ticket_id, title: row.ticket_title, type: row.ticket_type, status: row.ticket_status },
    params: parseJson<Record<string, unknown>>(row.params) ?? {},
    read: row.read_at !== null,
    readAt: time(row.read_at),
    createdAt: time(row.created_at),
  });

  return {
    /** A page of the user's notifications, newest first; `unread` counts all their unread ones. */
    async list(userId: number, query: Record<string, unknown>) {
      const unread = unreadFilter(query.unread);
      const page = pageParams(query);
      const scoped = () => {
        const q = table().where({ user_id: userId });
        if (unread === true) q.whereNull('read_at');
        if (unread === false) q.whereNotNull('read_at');
        return q;
      };
      const [{ n }] = await scoped().count({ n: '*' });
      const rows: NotificationRow[] = await scoped()
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return { data: rows.map(present), pagination: pagination(page, Number(n)), unread: await unreadCount(userId) };
    },

    /** Marks one of the user's notifications read (again is fine); another's is 404. */
    async markRead(userId: number, id: string) {
      await table().where({ document_id: id, user_id: userId }).whereNull('read_at').update({ read_at: new Date(), updated_at: new Date() });
      const row: NotificationRow | undefined = await table().where({ document_id: id, user_id: userId }).first();
      if (!row) throw new NotFoundError(`Notification ${id} not found`);
      return { data: present(row), unread: await unreadCount(userId) };
    },

    async markAllRead(userId: number) {
      const marked = await table().where({ user_id: userId }).whereNull('read_at').update({ read_at: new Date(), updated_at: new Date() });
      return { marked: Number(marked), unread: 0 };
    },

    /**
     * Writes the notification of an in-app delivery and marks the delivery sent, in one
     * transaction; the notification's unique key makes a second write a no-op.
     */
    async deliver(delivery: DeliveryRow) {
      const content = parseJson<NotificationContent>(delivery.content);
      const { note, ...params } = content.params;
      const now = new Date();
      await strapi.db.connection.transaction(async (trx) => {
        await trx(tableOf(strapi, NOTIFICATION_UID))
          .insert({
            document_id: newDocumentId(),
            user_id: delivery.user_id,
            kind: delivery.kind,
            event_id: delivery.event_id,
            delivery_key: delivery.delivery_key,
            ticket_id: content.ticket.id,
            ticket_title: content.ticket.title.slice(0, 255),
            ticket_type: content.ticket.type,
            ticket_status: content.ticket.status,
            params: JSON.stringify(note === undefined ? params : { ...params, note: (note ?? '').slice(0, INBOX_NOTE_MAX) }),
            created_at: now,
            updated_at: now,
            published_at: now,
          })
          .onConflict('delivery_key')
          .ignore();
        await trx(tableOf(strapi, DELIVERY_UID))
          .where({ id: delivery.id, state: 'pending' })
          .update({ state: 'sent', sent_at: now, attempts: (delivery.attempts ?? 0) + 1, updated_at: now });
      });
    },
  };
};
