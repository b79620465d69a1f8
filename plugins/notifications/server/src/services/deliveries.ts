import type { Core } from '@strapi/strapi';
import { addJob, isLastAttempt, UnrecoverableJobError, type NotifyJobContext } from '../clients/jobs-plugin';
import type { NotificationsConfig } from '../config';
import { DELIVERY_UID, NOTIFY_QUEUE } from '../constants';
import { deliveryKey, notificationContent } from '../delivery/notification-content';
import type { NotificationKind } from '../events/kinds';
import type { TicketEvent } from '../events/ticket-event';
import type { NotificationContent } from '../messages/email';
import { recipientsOf } from '../recipients/recipient-rules';
import { getService, newDocumentId, parseJson, tableOf } from '../utils/get-service';

/** The channels a delivery goes out on. */
export type DeliveryChannel = 'in-app' | 'email';

export interface DeliveryRow {
  id: number;
  document_id: string;
  delivery_key: string;
  event_id: string;
  user_id: number | string;
  channel: DeliveryChannel;
  kind: NotificationKind;
  content: unknown;
  state: 'pending' | 'sent' | 'skipped' | 'failed';
  attempts: number | null;
}

export interface NotifyJobData {
  delivery: string;
}

const message = (error: unknown) => ((error as Error)?.message ?? String(error)).slice(0, 2000);

/**
 * Notifications from events to sent: each (event, recipient, channel) is a delivery row,
 * unique by its key, and a job on the `notify` queue. The job sends only a delivery still
 * `pending` and marks it `sent` after: a retried job or a duplicate event sends nothing again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::notifications') as NotificationsConfig;
  const table = () => strapi.db.connection(tableOf(strapi, DELIVERY_UID));

  async function finish(row: DeliveryRow, state: DeliveryRow['state'], error: string | null) {
    await table()
      .where({ id: row.id, state: 'pending' })
      .update({ state, last_error: error, attempts: (row.attempts ?? 0) + 1, sent_at: state === 'sent' ? new Date() : null, updated_at: new Date() });
  }

  async function sendEmail(row: DeliveryRow, ctx: NotifyJobContext<NotifyJobData>) {
    const userId = Number(row.user_id);
    const user = await getService(strapi, 'recipients').one(userId);
    if (!user?.email) return finish(row, 'skipped', 'The user may no longer be told about tickets, or has no e-mail address');
    const { language } = await getService(strapi, 'preferences').of(userId);
    try {
      await getService(strapi, 'mailer').send(user.email, parseJson<NotificationContent>(row.content), language, row.delivery_key);
    } catch (error) {
      const last = isLastAttempt(ctx);
      await table()
        .where({ id: row.id, state: 'pending' })
        .update({ attempts: (row.attempts ?? 0) + 1, last_error: message(error), state: last ? 'failed' : 'pending', updated_at: new Date() });
      throw error;
    }
    await finish(row, 'sent', null);
  }

  return {
    /** Makes the deliveries of an event and queues a job for each that is new. */
    async fanOut(event: TicketEvent, kind: NotificationKind) {
      const publishers = kind === 'sla_warning' || kind === 'sla_breached' ? await getService(strapi, 'recipients').publisherIds() : [];
      const users = await getService(strapi, 'recipients').allowed(recipientsOf(event, kind, publishers));
      if (!users.length) return [];
      const prefs = await getService(strapi, 'preferences').ofMany(users.map((u) => u.id));
      const content = JSON.stringify(notificationContent(event, kind));
      const now = new Date();
      const rows = users.flatMap((user) => {
        const wants = prefs.get(user.id)!.events[kind];
        const channels: DeliveryChannel[] = [];
        if (wants.inApp) channels.push('in-app');
        if (wants.email && config().emailEnabled && user.email) channels.push('email');
        return channels.map((channel) => ({
          document_id: newDocumentId(),
          delivery_key: deliveryKey(event.id, user.id, channel),
          event_id: event.id,
          user_id: user.id,
          channel,
          kind,
          content,
          state: 'pending',
          attempts: 0,
          created_at: now,
          updated_at: now,
          published_at: now,
        }));
      });
      if (!rows.length) return [];
      // a key already there (a duplicate event) is not inserted, so not queued again
      const inserted: { id: number; document_id: string }[] = await table().insert(rows).onConflict('delivery_key').ignore().returning(['id', 'document_id']);
      for (const row of inserted) {
        try {
          await addJob(strapi, NOTIFY_QUEUE, { delivery: row.document_id } satisfies NotifyJobData);
        } catch (error) {
          await table().where({ id: row.id }).update({ state: 'failed', last_error: `Not queued: ${message(error)}` });
        }
      }
      return inserted.map((r) => r.document_id);
    },

    /** The `notify` queue's processor: one delivery, sent once. */
    async process(ctx: NotifyJobContext<NotifyJobData>) {
      const row: DeliveryRow | undefined = await table().where({ document_id: ctx.data?.delivery ?? '' }).first();
      if (!row) throw new UnrecoverableJobError(`No notification delivery ${String(ctx.data?.delivery)}`);
      if (row.state !== 'pending') return { delivery: row.document_id, state: row.state, again: true };
      if (row.channel === 'in-app') await getService(strapi, 'inbox').deliver(row);
      else await sendEmail(row, ctx);
      const after: DeliveryRow = await table().where({ id: row.id }).first();
      return { delivery: row.document_id, state: after.state };
    },

    /** The deliveries of an event (tests, support). */
    async ofEvent(eventId: string) {
      return (await table().where({ event_id: eventId }).orderBy('id')) as DeliveryRow[];
    },
  };
};
