import type { TicketEvent } from './ticket-event';

/** What a user can be notified of (and switch per channel in their preferences). */
export const NOTIFICATION_KINDS = ['assigned', 'noted', 'sla_warning', 'sla_breached', 'transitioned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.transitioned', 'ticket.assigned', 'ticket.sla_breached'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The notification a ticket event makes, if any (created and updated tell webhooks only). */
export function notificationKindOf(event: TicketEvent): NotificationKind | null {
  switch (event.kind) {
    case 'assigned':
      return 'assigned';
    case 'noted':
      return 'noted';
    case 'transitioned':
      return 'transitioned';
    case 'sla':
      if (event.extra.state === 'warning') return 'sla_warning';
      return event.extra.state === 'breached' ? 'sla_breached' : null;
    default:
      return null;
  }
}

/** The webhook event a ticket event is delivered as, if any (notes and SLA warnings are not). */
export function webhookEventOf(event: TicketEvent): WebhookEvent | null {
  switch (event.kind) {
    case 'created':
      return 'ticket.created';
    case 'updated':
      return 'ticket.updated';
    case 'transitioned':
      return 'ticket.transitioned';
    case 'assigned':
      return 'ticket.assigned';
    case 'sla':
      return event.extra.state === 'breached' ? 'ticket.sla_breached' : null;
    default:
      return null;
  }
}
