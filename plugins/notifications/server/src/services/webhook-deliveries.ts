import type { Core } from '@strapi/strapi';
import { accessService, pageParams, pagination } from 'strapi-plugin-access';
import { addJob, isLastAttempt, UnrecoverableJobError, type NotifyJobContext } from '../clients/jobs-plugin';
import type { NotificationsConfig } from '../config';
import { WEBHOOK_DELIVERY_UID, WEBHOOK_QUEUE } from '../constants';
import type { WebhookEvent } from '../events/kinds';
import type { TicketEvent } from '../events/ticket-event';
import { isRetryable, postJson } from '../webhooks/http-post';
import { signBody } from '../webhooks/signature';
import { webhookBody } from '../webhooks/webhook-body';
import { getService, newDocumentId, tableOf } from '../utils/get-service';

interface WebhookDeliveryRow {
  id: number;
  document_id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  body: string;
  state: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number | null;
  response_code: number | null;
  duration_ms: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface WebhookJobData {
  delivery: string;
}

const FINAL = ['delivered', 'failed'];

/**
 * Ticket events to webhooks: a delivery row per (webhook, event) — unique, so the same event
 * twice is delivered once — and a job on the `webhook` queue that POSTs the stored body,
 * signed, retried with exponential backoff on no answer and 5xx, never after a 2xx or a 4xx.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::notifications') as NotificationsConfig;
  const table = () => strapi.db.connection(tableOf(strapi, WEBHOOK_DELIVERY_UID));
  const time = (value: Date | null) => accessService(strapi, 'timestamps').format(value);

  const present = (row: WebhookDeliveryRow) => ({
    id: row.document_id,
    eventId: row.event_id,
    event: row.event,
    status: row.state,
    attempts: row.attempts ?? 0,
    responseCode: row.response_code,
    durationMs: row.duration_ms,
    lastError: row.last_error,
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
    deliveredAt: time(row.delivered_at),
  });

  return {
    async fanOut(event: TicketEvent, name: WebhookEvent) {
      const hooks = await getService(strapi, 'webhooks').subscribedTo(name);
      if (!hooks.length) return [];
      const body = webhookBody(event, name);
      const now = new Date();
      const rows = hooks.map((hook) => ({
        document_id: newDocumentId(),
        webhook_id: hook.document_id,
        event_id: event.id,
        event: name,
        body,
        state: 'pending',
        attempts: 0,
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
      const inserted: { id: number; document_id: string }[] = await table().insert(rows).onConflict(['webhook_id', 'event_id']).ignore().returning(['id', 'document_id']);
      for (const row of inserted) {
        try {
          await addJob(strapi, WEBHOOK_QUEUE, { delivery: row.document_id } satisfies WebhookJobData);
        } catch (error) {
          await table().where({ id: row.id }).update({ state: 'failed', last_error: `Not queued: ${(error as Error).message}` });
        }
      }
      return inserted.map((r) => r.document_id);
    },

    /** The `webhook` queue's processor: one attempt at one delivery. */
    async process(ctx: NotifyJobContext<WebhookJobData>) {
      const row: WebhookDeliveryRow | undefined = await table().where({ document_id: ctx.data?.delivery ?? '' }).first();
      if (!row) throw new UnrecoverableJobError(`No webhook delivery ${String(ctx.data?.delivery)} (its webhook was deleted?)`);
      if (FINAL.includes(row.state)) return { delivery: row.document_id, status: row.state, again: true };
      const hook = await getService(strapi, 'webhooks')
        .row(row.webhook_id)
        .catch(() => null);
      if (!hook) throw new UnrecoverableJobError(`Webhook ${row.webhook_id} no longer exists`);

      const outcome = await postJson(
        hook.url,
        row.body,
        { 'X-Signature': signBody(row.body, hook.secret), 'X-Event-Id': row.event_id, 'X-Event': row.event },
        config().webhookTimeoutMs,
      );
      const delivered = outcome.error === null;
      const retry = !delivered && isRetryable(outcome) && !isLastAttempt(ctx);
      const state = delivered ? 'delivered' : retry ? 'retrying' : 'failed';
      await table()
        .where({ id: row.id })
        .whereNotIn('state', FINAL)
        .update({
          state,
          attempts: (row.attempts ?? 0) + 1,
          response_code: outcome.status,
          duration_ms: outcome.durationMs,
          last_error: outcome.error,
          delivered_at: delivered ? new Date() : null,
          updated_at: new Date(),
        });
      if (delivered) return { delivery: row.document_id, status: state, responseCode: outcome.status };
      // a 4xx will not change by retrying: no more attempts
      if (!isRetryable(outcome)) throw new UnrecoverableJobError(`${hook.url}: ${outcome.error}`);
      throw new Error(`${hook.url}: ${outcome.error}`);
    },

    /** A webhook's delivery log, newest first. */
    async list(webhookId: string, query: Record<string, unknown>) {
      await getService(strapi, 'webhooks').row(webhookId);
      const page = pageParams(query);
      const [{ n }] = await table().where({ webhook_id: webhookId }).count({ n: '*' });
      const rows: WebhookDeliveryRow[] = await table()
        .where({ webhook_id: webhookId })
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return { data: rows.map(present), pagination: pagination(page, Number(n)) };
    },
  };
};
