import type { Core } from '@strapi/strapi';
import { notificationKindOf, webhookEventOf } from '../events/kinds';
import { readTicketEvent, TICKET_EVENT_NAMES, type TicketEventKind } from '../events/ticket-event';
import { getService } from '../utils/get-service';

/**
 * Listens to the ticketing plugin's events and turns each into deliveries: notifications for
 * the people it concerns, and POSTs for the webhooks subscribed to it. The ticket is already
 * committed; a failure here is logged and never reaches the writer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const unsubscribes: (() => void)[] = [];

  return {
    listen() {
      for (const [kind, name] of Object.entries(TICKET_EVENT_NAMES) as [TicketEventKind, string][]) {
        unsubscribes.push(strapi.eventHub.on(name, (payload: unknown) => this.handle(kind, payload)));
      }
    },

    stop() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    },

    /** The id an event's payload is delivered under (its own `id`, else derived): for support and tests. */
    idOf(kind: TicketEventKind, payload: unknown): string | null {
      return readTicketEvent(kind, payload)?.id ?? null;
    },

    async handle(kind: TicketEventKind, payload: unknown) {
      const event = readTicketEvent(kind, payload);
      if (!event) {
        strapi.log.warn(`notifications: a ${TICKET_EVENT_NAMES[kind]} event without a ticket was ignored`);
        return;
      }
      const notification = notificationKindOf(event);
      const webhookEvent = webhookEventOf(event);
      // each on its own: a webhook problem must not cost the users their notifications
      const work = [
        notification && getService(strapi, 'deliveries').fanOut(event, notification),
        webhookEvent && getService(strapi, 'webhook-deliveries').fanOut(event, webhookEvent),
      ];
      const results = await Promise.allSettled(work);
      for (const result of results) {
        if (result.status === 'rejected') strapi.log.error(`notifications: ${TICKET_EVENT_NAMES[kind]} ${event.id}: ${(result.reason as Error).message}`);
      }
    },
  };
};
